using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Entities;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using static CallCenter.Actors.Agents.AgentNotifications;
using static CallCenter.Actors.Agents.OfferReplies;
using static CallCenter.Domain.Agents.AgentEvents;

namespace CallCenter.Actors.Agents;

/// <summary>One agent (<c>agent-{id}</c>): registration, presence, the calls it holds. The single source of truth
/// for whether it can take a call: routers offer, it accepts (reserved, persisted) or declines.</summary>
/// <remarks>Whenever its state changes it tells each queue it serves (<see cref="AgentAnnounced"/>), and repeats that on
/// an interval. Going offline with calls still ringing revokes those offers through their queues.</remarks>
public sealed class AgentActor : EntityActor<AgentState, IAgentCommand, IAgentEvent>
{
    private const string ExpiryTimer = "registration-expiry";
    private const string WrapUpTimer = "wrap-up";
    private const string AnnounceTimer = "announce";

    private readonly IActorRef _queues;
    private readonly AgentActorOptions _options;

    public AgentActor(AgentId agentId, IActorRef queues, AgentActorOptions options)
        : base($"agent-{agentId.Value}", new AgentState(agentId), options.Clock)
    {
        _queues = queues;
        _options = options;

        Command<AgentCommands.OfferCall>(offer => Execute(offer, Sender, OnChanged, result => AnswerOffer(offer, result), LogLevel.DebugLevel));
        Command<IAgentCommand>(command => Execute(command, Sender, OnChanged));
        Command<AgentQueries.GetAgentState>(_ =>
        {
            var replyTo = Sender;
            AfterWrites(() => replyTo.Tell(new AgentQueries.AgentStateResult(State)));
        });
        Command<RegistrationExpiryDue>(_ => Execute(new AgentCommands.ExpireRegistration(State.AgentId), ActorRefs.Nobody, OnChanged));
        Command<WrapUpDue>(_ => Execute(new AgentCommands.EndWrapUp(State.AgentId), ActorRefs.Nobody, OnChanged));
        Command<AnnounceDue>(_ => AfterWrites(Announce));
    }

    public static Props Props(AgentId agentId, IActorRef queues, AgentActorOptions options) =>
        Akka.Actor.Props.Create(() => new AgentActor(agentId, queues, options));

    // What routers are told: whether the agent is logged in and would take a call now, as of this sequence number.
    private AgentStatus Status => new(State.IsRegistered, State.CanTakeCall, State.Statistics, Version);

    protected override (CommandResult Result, ImmutableArray<IAgentEvent> Events) Decide(AgentState state, IAgentCommand command, DateTimeOffset now) =>
        state.Decide(command, now);

    protected override AgentState Apply(AgentState state, IAgentEvent e) => state.Apply(e);

    protected override void OnRecovered()
    {
        if (State.RegistrationExpiresAt is { } expiresAt)
        {
            Timers.StartSingleTimer(ExpiryTimer, RegistrationExpiryDue.Instance, Until(expiresAt, Now));
        }

        if (State.WrapUpEndsAt is { } wrapUpEndsAt)
        {
            Timers.StartSingleTimer(WrapUpTimer, WrapUpDue.Instance, Until(wrapUpEndsAt, Now));
        }

        Timers.StartPeriodicTimer(AnnounceTimer, AnnounceDue.Instance, _options.AnnounceInterval);
        Announce();
        ConfirmHeldCalls();
    }

    // A reservation or call recovered from the journal may be stale: the process can have died after this agent wrote
    // it and before the call heard of it (or after the call ended and before this agent heard). Each call answers
    // from its own journal with the commands that settle it (CallChecks).
    private void ConfirmHeldCalls()
    {
        if (State.Calls.IsEmpty || !CallCheckRoute.TryFind(Context.System, out var calls))
        {
            return;
        }

        foreach (var call in State.Calls)
        {
            calls.Tell(new CallChecks.ConfirmAgentHold(call.CallId, State.AgentId, call.IsConnected), Self);
        }
    }

    // A reservation that already exists is accepted again: the router's offer may have crossed an earlier reply.
    private object AnswerOffer(AgentCommands.OfferCall offer, CommandResult result) =>
        result.IsRejected
            ? new OfferDeclined(offer.AgentId, offer.CallId, offer.QueueId, result.Reason ?? DeclineReasons.Busy, Status)
            : new OfferAccepted(offer.AgentId, offer.CallId, offer.QueueId, State.Contact ?? string.Empty, Status);

    private void OnChanged(AgentState before, ImmutableArray<IAgentEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case AgentRegistered or AgentRegistrationRefreshed when State.RegistrationExpiresAt is { } expiresAt:
                    Timers.StartSingleTimer(ExpiryTimer, RegistrationExpiryDue.Instance, Until(expiresAt, Now));
                    break;
                case AgentWentOffline offline:
                    Timers.Cancel(ExpiryTimer);
                    Timers.Cancel(WrapUpTimer);
                    RevokeRinging(before, offline);
                    break;
                case AgentCallEnded { WrapUpEndsAt: { } wrapUpEndsAt }:
                    Timers.StartSingleTimer(WrapUpTimer, WrapUpDue.Instance, Until(wrapUpEndsAt, Now));
                    break;
                case AgentPaused:
                    Timers.Cancel(WrapUpTimer);
                    break;
                case AgentQueuesAssigned assigned:
                    foreach (var queue in before.Queues.Except(assigned.Queues))
                    {
                        _queues.Tell(new AgentWithdrawn(queue, State.AgentId, Version));
                    }

                    break;
            }
        }

        Announce();
    }

    // Connected calls go on at the SIP level; only ringing offers must find another agent.
    private void RevokeRinging(AgentState before, AgentWentOffline offline)
    {
        foreach (var call in before.Calls.Where(c => !c.IsConnected && offline.ReleasedCalls.Contains(c.CallId)))
        {
            Log.Info("Agent {AgentId} went offline ({Reason}) while call {CallId} rang it", State.AgentId, offline.Reason, call.CallId);
            _queues.Tell(new OfferRevoked(call.QueueId, call.CallId, State.AgentId));
        }
    }

    private void Announce()
    {
        var status = Status;
        foreach (var queue in State.Queues)
        {
            _queues.Tell(new AgentAnnounced(queue, State.AgentId, status));
        }
    }

    private sealed record RegistrationExpiryDue : INotInfluenceReceiveTimeout
    {
        public static RegistrationExpiryDue Instance { get; } = new();
    }

    private sealed record WrapUpDue : INotInfluenceReceiveTimeout
    {
        public static WrapUpDue Instance { get; } = new();
    }

    private sealed record AnnounceDue : INotInfluenceReceiveTimeout
    {
        public static AnnounceDue Instance { get; } = new();
    }
}
