using Akka.Actor;
using Akka.Event;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Gateway;
using CallCenter.Actors.Gateway.Legs;
using CallCenter.Domain;

namespace CallCenter.Actors.Shutdown;

/// <summary>
/// Drains the node before it stops: the gateway refuses new calls and registrations, open calls get the grace period
/// to end by themselves, then every call still open is ended (<see cref="EndForShutdown"/>: BYE on both legs, a
/// disposition recorded). It answers <see cref="NodeDrain.Drained"/> once the calls index is empty and every call it
/// saw open has closed its legs (their media report), or when the hang-up allowance after the grace period is over.
/// </summary>
public sealed class NodeDrainActor : ReceiveActor, IWithTimers
{
    private const string CheckTimer = "check";
    private const string GraceTimer = "grace";
    private const string DeadlineTimer = "deadline";

    private readonly NodeDrainSettings _settings;
    private readonly IActorRef _gateway;
    private readonly IActorRef _calls;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly List<IActorRef> _waiting = [];
    private readonly HashSet<CallId> _seenOpen = [];
    private readonly HashSet<CallId> _legsClosed = [];
    private readonly HashSet<CallId> _told = [];
    private bool _graceOver;
    private bool _drained;

    public NodeDrainActor(NodeDrainSettings settings, IActorRef gateway, IActorRef calls)
    {
        _settings = settings;
        _gateway = gateway;
        _calls = calls;

        Receive<NodeDrain.Drain>(_ => Drain());
        Receive<SipGatewayDrain.Draining>(_ => { });
        Receive<Check>(_ => _calls.Tell(CallQueries.GetOpenCalls.Instance));
        Receive<CallQueries.OpenCallsResult>(Open);
        Receive<CallMediaReport>(LegsClosed);
        Receive<GraceOver>(_ => EndOpenCalls());
        Receive<DeadlineOver>(_ => DeadlineReached());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(NodeDrainSettings settings, IActorRef gateway, IActorRef calls) =>
        Akka.Actor.Props.Create(() => new NodeDrainActor(settings, gateway, calls));

    private void Drain()
    {
        if (_drained)
        {
            Sender.Tell(NodeDrain.Drained.Instance);
            return;
        }

        _waiting.Add(Sender);
        if (_waiting.Count > 1)
        {
            return;
        }

        _log.Info("Node draining: open calls have {GracePeriod} to end", _settings.GracePeriod);
        Context.System.EventStream.Subscribe<CallMediaReport>(Self);
        _gateway.Tell(new SipGatewayDrain.StartDraining(_settings.RetryAfter));
        Self.Tell(Check.Instance);
        Timers.StartPeriodicTimer(CheckTimer, Check.Instance, _settings.CheckInterval);
        Timers.StartSingleTimer(GraceTimer, GraceOver.Instance, _settings.GracePeriod);
    }

    private void Open(CallQueries.OpenCallsResult result)
    {
        _seenOpen.UnionWith(result.Calls);
        if (_graceOver)
        {
            foreach (var callId in result.Calls.Where(_told.Add))
            {
                _calls.Tell(new EndForShutdown(callId));
            }
        }

        if (result.Calls.IsEmpty && _seenOpen.IsSubsetOf(_legsClosed))
        {
            Finish();
        }
    }

    private void LegsClosed(CallMediaReport report)
    {
        _legsClosed.Add(report.CallId);

        // Perhaps the last one: look now rather than at the next check.
        if (_seenOpen.Contains(report.CallId))
        {
            Self.Tell(Check.Instance);
        }
    }

    private void EndOpenCalls()
    {
        _graceOver = true;
        _log.Info("Node draining: grace period over; ending the calls still open");
        Timers.StartSingleTimer(DeadlineTimer, DeadlineOver.Instance, _settings.HangUpAllowance);
        Self.Tell(Check.Instance);
    }

    private void DeadlineReached()
    {
        var unfinished = _seenOpen.Except(_legsClosed).ToList();
        _log.Warning("Node draining: {Count} calls had not closed their SIP legs in time: {Calls}", unfinished.Count, string.Join(", ", unfinished));
        Finish();
    }

    private void Finish()
    {
        if (_drained)
        {
            return;
        }

        _drained = true;
        Timers.CancelAll();
        Context.System.EventStream.Unsubscribe(Self);
        _log.Info("Node drained");
        foreach (var waiting in _waiting)
        {
            waiting.Tell(NodeDrain.Drained.Instance);
        }

        _waiting.Clear();
    }

    private sealed record Check
    {
        public static Check Instance { get; } = new();
    }

    private sealed record GraceOver
    {
        public static GraceOver Instance { get; } = new();
    }

    private sealed record DeadlineOver
    {
        public static DeadlineOver Instance { get; } = new();
    }
}

/// <summary>What the node's shutdown asks of <see cref="NodeDrainActor"/>.</summary>
public static class NodeDrain
{
    /// <summary>Start draining (idempotent); answered with <see cref="Drained"/> when done.</summary>
    public sealed record Drain
    {
        public static Drain Instance { get; } = new();
    }

    public sealed record Drained
    {
        public static Drained Instance { get; } = new();
    }
}
