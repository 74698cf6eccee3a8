using System.Collections.Immutable;
using Akka.Actor;
using CallCenter.Actors.Gateway.Legs;

namespace CallCenter.Node.Monitoring;

/// <summary>
/// Keeps the media counters of the node's most recent calls, and their sum over every call, from the event stream
/// for the status command.
/// </summary>
public sealed class NodeMonitorActor : ReceiveActor
{
    public const int Capacity = 1000;

    private readonly Queue<CallMediaReport> _reports = new();
    private MediaTotals _totals = MediaTotals.Empty;

    public NodeMonitorActor()
    {
        Receive<CallMediaReport>(report =>
        {
            if (_reports.Count == Capacity)
            {
                _reports.Dequeue();
            }

            _reports.Enqueue(report);
            _totals = _totals.Add(report);
        });
        Receive<GetMediaReports>(_ => Sender.Tell(new MediaReports([.. _reports], _totals)));
    }

    public static Props Props() => Akka.Actor.Props.Create(() => new NodeMonitorActor());

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(CallMediaReport));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    public sealed record GetMediaReports
    {
        public static GetMediaReports Instance { get; } = new();
    }

    /// <summary>The last <see cref="Capacity"/> calls' media, oldest first, and the totals of all calls.</summary>
    public sealed record MediaReports(ImmutableArray<CallMediaReport> Reports, MediaTotals Totals);
}
