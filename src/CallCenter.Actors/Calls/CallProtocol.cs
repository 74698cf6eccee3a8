using System.Collections.Immutable;
using CallCenter.Domain;
using CallCenter.Domain.Calls;

namespace CallCenter.Actors.Calls;

/// <summary>Queries answered by a CallActor (through the calls parent while the call is open).</summary>
public static class CallQueries
{
    public sealed record GetCallState(CallId CallId) : IWithCallId, ICallCenterMessage;

    public sealed record CallStateResult(CallState State) : ICallCenterMessage;

    /// <summary>Asks the calls parent which calls of this node are open.</summary>
    public sealed record GetOpenCalls : ICallCenterMessage
    {
        public static GetOpenCalls Instance { get; } = new();
    }

    public sealed record OpenCallsResult(ImmutableArray<CallId> Calls) : ICallCenterMessage;
}

/// <summary>How a CallActor starts.</summary>
public enum CallStart
{
    /// <summary>A new call, or one that is still live: carry on from the journal.</summary>
    Resume,

    /// <summary>A call the calls actor has just opened: as <see cref="Resume"/>, but no snapshot is looked for (a
    /// new call has none), which saves a snapshot store query per call. The journal is still read, so events of a
    /// reused id are replayed rather than overwritten.</summary>
    New,

    /// <summary>Its process died (or its journal failed) mid-call: close it out as Interrupted once recovered.</summary>
    Interrupt,

    /// <summary>Closed (or never opened) here: recover, answer the <see cref="CallChecks"/> it was started for, stop.
    /// It acts on nothing else.</summary>
    Inspect,
}

/// <summary>Facts the calls parent persists as <c>calls-{node}</c>: which calls of this node are open.</summary>
public static class CallIndexEvents
{
    public sealed record CallOpened(CallId CallId) : ICallCenterMessage;

    public sealed record CallClosed(CallId CallId) : ICallCenterMessage;

    /// <summary>The calls opened and closed since the index's previous write, in one row (the index writes one at a
    /// time and gathers whatever comes meanwhile). An id is never in both lists.</summary>
    public sealed record CallsIndexed(ImmutableArray<CallId> Opened, ImmutableArray<CallId> Closed) : ICallCenterMessage;

    /// <summary>The snapshot of the index.</summary>
    public sealed record OpenCalls(ImmutableArray<CallId> Calls) : ICallCenterMessage;
}

/// <summary>A CallActor tells its parent it has ended (or had nothing to close): the parent closes it in the index and stops it.</summary>
internal sealed record CallFinished(CallId CallId);
