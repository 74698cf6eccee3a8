using static CallCenter.Domain.Agents.AgentEvents;

namespace CallCenter.Domain.Agents;

// Decisions about being reachable and routable: settings, queues served, registration, pause.
public sealed partial record AgentState
{
    private (CommandResult Result, ImmutableArray<IAgentEvent> Events) DecideConfigure(AgentCommands.Configure c, DateTimeOffset now)
    {
        if (c.Settings is null)
        {
            return Reject("settings required");
        }

        if (c.Settings.Validate() is { } error)
        {
            return Reject(error);
        }

        if (c.Settings.Capacity < Calls.Length)
        {
            return Reject($"capacity {c.Settings.Capacity} is below the {Calls.Length} calls held");
        }

        return c.Settings == Settings ? NoOp() : Accept(new AgentConfigured(AgentId, c.Settings, now));
    }

    private (CommandResult Result, ImmutableArray<IAgentEvent> Events) DecideServeQueues(AgentCommands.ServeQueues c, DateTimeOffset now)
    {
        if (c.Queues.IsDefault)
        {
            return Reject("queues required (empty serves none)");
        }

        if (c.Queues.Any(q => q.Value is null))
        {
            return Reject("queue id required");
        }

        ImmutableArray<QueueId> queues = [.. c.Queues.Distinct().Order()];
        return queues.SequenceEqual(Queues) ? NoOp() : Accept(new AgentQueuesAssigned(AgentId, queues, now));
    }

    private (CommandResult Result, ImmutableArray<IAgentEvent> Events) DecideRegister(AgentCommands.Register c, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(c.Contact))
        {
            return Reject("contact required");
        }

        if (c.Expires <= TimeSpan.Zero)
        {
            return Reject("expires must be positive; unregister instead");
        }

        var expiresAt = now + c.Expires;
        if (!IsRegistered)
        {
            return Accept(new AgentRegistered(AgentId, c.Contact, expiresAt, now));
        }

        return c.Contact == Contact && expiresAt == RegistrationExpiresAt
            ? NoOp()
            : Accept(new AgentRegistrationRefreshed(AgentId, c.Contact, expiresAt, now));
    }

    private (CommandResult Result, ImmutableArray<IAgentEvent> Events) DecideOffline(OfflineReason reason, DateTimeOffset now) =>
        IsRegistered
            ? Accept(new AgentWentOffline(AgentId, reason, [.. Calls.Select(c => c.CallId)], now))
            : NoOp();

    private (CommandResult Result, ImmutableArray<IAgentEvent> Events) DecideExpire(DateTimeOffset now) =>
        // A refresh moved the expiry after this timer was set: the timer is stale.
        RegistrationExpiresAt is { } expiresAt && now < expiresAt ? NoOp() : DecideOffline(OfflineReason.Expired, now);

    private (CommandResult Result, ImmutableArray<IAgentEvent> Events) DecidePause(AgentCommands.Pause c, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(c.Reason))
        {
            return Reject("pause reason required");
        }

        if (!IsRegistered)
        {
            return Reject(DeclineReasons.Offline);
        }

        if (PauseReason is not null)
        {
            return PauseReason == c.Reason ? NoOp() : Accept(new AgentPaused(AgentId, c.Reason, now));
        }

        return Calls.IsEmpty ? Accept(new AgentPaused(AgentId, c.Reason, now)) : Reject(DeclineReasons.Busy);
    }

    private (CommandResult Result, ImmutableArray<IAgentEvent> Events) DecideUnpause(DateTimeOffset now) =>
        !IsRegistered ? Reject(DeclineReasons.Offline)
        : PauseReason is null ? NoOp()
        : Accept(new AgentUnpaused(AgentId, now));
}
