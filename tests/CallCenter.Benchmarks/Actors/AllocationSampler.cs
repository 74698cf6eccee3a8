using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;

namespace CallCenter.Benchmarks.Actors;

/// <summary>
/// Samples what the process allocates by type, from the runtime's allocation ticks (one event per ~100 KB allocated,
/// naming the type whose allocation crossed the mark: proportional to bytes, not counts). Turned on with
/// <c>--alloc-sample true</c>; it costs a little CPU, so its runs are for finding allocations, not for rates.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _recording;

    public void Start()
    {
        lock (_gate)
        {
            _bytesByType.Clear();
            _recording = true;
        }
    }

    /// <summary>The types that took most of the sampled bytes, with their share, per call.</summary>
    public string Stop(int calls, int top = 25)
    {
        lock (_gate)
        {
            _recording = false;
            var total = _bytesByType.Values.Sum();
            var report = new StringBuilder();
            report.Append(CultureInfo.InvariantCulture, $"allocated ~{total / Math.Max(calls, 1)} B/call (sampled); top types:");
            foreach (var (type, bytes) in _bytesByType.OrderByDescending(p => p.Value).Take(top))
            {
                report.Append(CultureInfo.InvariantCulture, $"\n      {100.0 * bytes / total,5:0.0} %  {bytes / Math.Max(calls, 1),6} B/call  {type}");
            }

            return report.ToString();
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!e.EventName!.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], CultureInfo.InvariantCulture) : 100_000;
        lock (_gate)
        {
            if (_recording)
            {
                _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
            }
        }
    }
}
