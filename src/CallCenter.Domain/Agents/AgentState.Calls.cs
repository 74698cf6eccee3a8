using static CallCenter.Domain.Agents.AgentEvents;

namespace CallCenter.Domain.Agents;

// Decisions about the calls an agent holds: offer, answer, release, end, wrap-up.
public sealed partial record AgentState
{
    /// <summary>Why an offer would be declined now, or null when it would be accepted.</summary>
    public string? DeclineReason() =>
        !IsRegistered ? DeclineReasons.Offline
        : PauseReason is not null ? DeclineReasons.Paused
        : WrapUpEndsAt is not null ? DeclineReasons.WrapUp
        : Calls.Length >= Settings.Capacity ? DeclineReasons.Busy
        : null;

    public AgentCall? FindCall(CallId callId) => Calls.FirstOrDefault(c => c.CallId == callId);

    private (CommandResult Result, ImmutableArray<IAgentEvent> Events) DecideOffer(AgentCommands.OfferCall c, DateTimeOffset now)
    {
        if (FindCall(c.CallId) is not null)
        {
            return NoOp();
        }

        return DeclineReason() is { } reason ? Reject(reason) : Accept(new AgentReserved(AgentId, c.CallId, c.QueueId, now));
    }

    private (CommandResult Result, ImmutableArray<IAgentEvent> Events) DecideConnect(AgentCommands.ConnectCall c, DateTimeOffset now) =>
        FindCall(c.CallId) switch
        {
            null => Reject($"call {c.CallId} is not reserved for agent {AgentId}"),
            { IsConnected: true } => NoOp(),
            _ => Accept(new AgentCallConnected(AgentId, c.CallId, now)),
        };

    private (CommandResult Result, ImmutableArray<IAgentEvent> Events) DecideRelease(AgentCommands.ReleaseReservation c, DateTimeOffset now)
    {
        if (!Enum.IsDefined(c.Reason))
        {
            return Reject($"unknown release reason {c.Reason}");
        }

        switch (FindCall(c.CallId))
        {
            case null:
                return NoOp();
            case { IsConnected: true }:
                return Reject($"call {c.CallId} is connected; end it instead");
        }

        var missed = c.Reason != ReleaseReason.Cancelled;
        var released = new AgentReservationReleased(AgentId, c.CallId, c.Reason, missed, now);
        var misses = ConsecutiveNoAnswers + (missed ? 1 : 0);
        // Pausing needs an idle agent; with other calls still held the count waits for the next miss.
        var pause = missed
            && Settings.MaxNoAnswer > 0
            && misses >= Settings.MaxNoAnswer
            && Calls.Length == 1
            && PauseReason is null;
        return pause ? Accept(released, new AgentPaused(AgentId, PauseReasons.NoAnswer, now)) : Accept(released);
    }

    private (CommandResult Result, ImmutableArray<IAgentEvent> Events) DecideEndCall(AgentCommands.EndCall c, DateTimeOffset now)
    {
        switch (FindCall(c.CallId))
        {
            case null:
                return NoOp();
            case { IsConnected: false }:
                return Reject($"call {c.CallId} is not connected; release the reservation instead");
        }

        DateTimeOffset? wrapUpEndsAt = null;
        if (Settings.WrapUpTime > TimeSpan.Zero)
        {
            var ends = now + Settings.WrapUpTime;
            wrapUpEndsAt = WrapUpEndsAt is { } current && current > ends ? current : ends;
        }

        return Accept(new AgentCallEnded(AgentId, c.CallId, wrapUpEndsAt, now));
    }

    private (CommandResult Result, ImmutableArray<IAgentEvent> Events) DecideEndWrapUp(DateTimeOffset now) =>
        // Before the end it is a timer from an earlier, since extended wrap-up.
        WrapUpEndsAt is { } ends && now >= ends ? Accept(new AgentWrapUpEnded(AgentId, now)) : NoOp();
}
