using System.Collections.Concurrent;
using System.Globalization;
using CallCenter.Domain;

namespace CallCenter.Benchmarks.Actors;

/// <summary>
/// Finds the timings of a call from its id (<c>{phase}-{number}</c>), so the port and the arrival recorder can write
/// timestamps for the warm-up and the measured phase alike. Ids of unknown phases are ignored.
/// </summary>
internal sealed class CallBook
{
    private readonly ConcurrentDictionary<string, CallTimings> _phases = new(StringComparer.Ordinal);

    public static CallId Id(string phase, int number) => new($"{phase}-{number.ToString(CultureInfo.InvariantCulture)}");

    public void Open(string phase, CallTimings timings) => _phases[phase] = timings;

    public void Enqueued(CallId call) => Find(call, (t, n) => t.Enqueued(n));

    public void Answered(CallId call) => Find(call, (t, n) => t.Answered(n));

    public void Rung(CallId call) => Find(call, (t, n) => t.Rung(n));

    public void Done(CallId call) => Find(call, (t, n) => t.Done(n));

    private void Find(CallId call, Action<CallTimings, int> record)
    {
        var id = call.Value.AsSpan();
        var dash = id.IndexOf('-');
        if (dash > 0
            && _phases.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id[..dash], out var timings)
            && int.TryParse(id[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number < timings.Count)
        {
            record(timings, number);
        }
    }
}
