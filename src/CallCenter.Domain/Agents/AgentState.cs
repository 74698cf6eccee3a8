using System.Text.Json.Serialization;
using CallCenter.Domain.Routing;
using static CallCenter.Domain.Agents.AgentEvents;

namespace CallCenter.Domain.Agents;

/// <summary>One agent: registration, presence, the calls it holds, and the statistics routing needs.</summary>
public sealed partial record AgentState(AgentId AgentId)
{
    public AgentSettings Settings { get; init; } = AgentSettings.Default;

    /// <summary>The queues this agent serves, distinct and in id order.</summary>
    public ImmutableArray<QueueId> Queues { get; init; } = [];

    /// <summary>The registered contact; null while offline.</summary>
    public string? Contact { get; init; }

    public DateTimeOffset? RegistrationExpiresAt { get; init; }

    public string? PauseReason { get; init; }

    /// <summary>When wrap-up ends (the actor's timer sends <see cref="AgentCommands.EndWrapUp"/> then); null when not in wrap-up.</summary>
    public DateTimeOffset? WrapUpEndsAt { get; init; }

    /// <summary>Reserved and connected calls; their count never exceeds the capacity at reservation time.</summary>
    public ImmutableArray<AgentCall> Calls { get; init; } = [];

    public int ConsecutiveNoAnswers { get; init; }

    public AgentStatistics Statistics { get; init; } = AgentStatistics.Empty;

    [JsonIgnore]
    public bool IsRegistered => Contact is not null;

    [JsonIgnore]
    public AgentPresence Presence =>
        Contact is null ? AgentPresence.Offline
        : PauseReason is not null ? AgentPresence.Paused
        : Calls.Any(c => c.IsConnected) ? AgentPresence.OnCall
        : !Calls.IsEmpty ? AgentPresence.Reserved
        : WrapUpEndsAt is not null ? AgentPresence.WrapUp
        : AgentPresence.Available;

    /// <summary>Whether an offer now would be accepted.</summary>
    [JsonIgnore]
    public bool CanTakeCall => DeclineReason() is null;

    public RoutingCandidate ToCandidate() => new(AgentId, CanTakeCall, Statistics);

    public (CommandResult Result, ImmutableArray<IAgentEvent> Events) Decide(IAgentCommand command, DateTimeOffset now)
    {
        if (command is null)
        {
            return Reject("no command");
        }

        if (command.AgentId != AgentId)
        {
            return Reject($"command for agent {command.AgentId} sent to agent {AgentId}");
        }

        return command switch
        {
            AgentCommands.Configure c => DecideConfigure(c, now),
            AgentCommands.ServeQueues c => DecideServeQueues(c, now),
            AgentCommands.Register c => DecideRegister(c, now),
            AgentCommands.Unregister => DecideOffline(OfflineReason.Unregistered, now),
            AgentCommands.ExpireRegistration => DecideExpire(now),
            AgentCommands.Pause c => DecidePause(c, now),
            AgentCommands.Unpause => DecideUnpause(now),
            AgentCommands.OfferCall c => DecideOffer(c, now),
            AgentCommands.ConnectCall c => DecideConnect(c, now),
            AgentCommands.ReleaseReservation c => DecideRelease(c, now),
            AgentCommands.EndCall c => DecideEndCall(c, now),
            AgentCommands.EndWrapUp => DecideEndWrapUp(now),
            _ => Reject($"unknown agent command {command.GetType().Name}"),
        };
    }

    public AgentState Apply(IAgentEvent e) => e switch
    {
        AgentConfigured x => this with { Settings = x.Settings },
        AgentQueuesAssigned x => this with { Queues = x.Queues },
        AgentRegistered x => this with
        {
            Contact = x.Contact,
            RegistrationExpiresAt = x.ExpiresAt,
            Statistics = Statistics with { IdleSince = x.At },
        },
        AgentRegistrationRefreshed x => this with { Contact = x.Contact, RegistrationExpiresAt = x.ExpiresAt },
        AgentWentOffline => this with
        {
            Contact = null,
            RegistrationExpiresAt = null,
            PauseReason = null,
            WrapUpEndsAt = null,
            Calls = [],
            ConsecutiveNoAnswers = 0,
            Statistics = Statistics with { IdleSince = null },
        },
        AgentPaused x => this with
        {
            PauseReason = x.Reason,
            WrapUpEndsAt = null,
            ConsecutiveNoAnswers = 0,
            Statistics = Statistics with { IdleSince = null },
        },
        AgentUnpaused x => this with { PauseReason = null, Statistics = Statistics with { IdleSince = x.At } },
        AgentReserved x => this with { Calls = Calls.Add(new AgentCall(x.CallId, x.QueueId, x.At)) },
        AgentCallConnected x => this with
        {
            Calls = Calls.Select(c => c.CallId == x.CallId ? c with { ConnectedAt = x.At } : c).ToImmutableArray(),
            ConsecutiveNoAnswers = 0,
            Statistics = Statistics with { IdleSince = null },
        },
        AgentReservationReleased x => this with
        {
            Calls = Calls.RemoveAll(c => c.CallId == x.CallId),
            ConsecutiveNoAnswers = x.Missed ? ConsecutiveNoAnswers + 1 : ConsecutiveNoAnswers,
        },
        AgentCallEnded x => ApplyCallEnded(x),
        AgentWrapUpEnded x => this with
        {
            WrapUpEndsAt = null,
            Statistics = Calls.Any(c => c.IsConnected) ? Statistics : Statistics with { IdleSince = x.At },
        },
        _ => throw new UnreachableException($"AgentState cannot apply {e?.GetType().Name ?? "null"}"),
    };

    private AgentState ApplyCallEnded(AgentCallEnded x)
    {
        var ended = Calls.FirstOrDefault(c => c.CallId == x.CallId);
        var talk = ended?.ConnectedAt is { } connectedAt ? x.At - connectedAt : TimeSpan.Zero;
        var remaining = Calls.RemoveAll(c => c.CallId == x.CallId);
        var idle = x.WrapUpEndsAt is null && !remaining.Any(c => c.IsConnected);
        return this with
        {
            Calls = remaining,
            WrapUpEndsAt = x.WrapUpEndsAt ?? WrapUpEndsAt,
            Statistics = Statistics with
            {
                CallsHandled = Statistics.CallsHandled + 1,
                TalkTime = Statistics.TalkTime + talk,
                IdleSince = idle ? x.At : Statistics.IdleSince,
            },
        };
    }

    private static (CommandResult Result, ImmutableArray<IAgentEvent> Events) Accept(params IAgentEvent[] events) =>
        (CommandResult.Ok, [.. events]);

    private static (CommandResult Result, ImmutableArray<IAgentEvent> Events) NoOp() => (CommandResult.NoOp, []);

    private static (CommandResult Result, ImmutableArray<IAgentEvent> Events) Reject(string reason) =>
        (CommandResult.Rejected(reason), []);
}
