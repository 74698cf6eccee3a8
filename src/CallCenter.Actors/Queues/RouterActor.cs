using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using CallCenter.Actors.Agents;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Queues;
using CallCenter.Domain.Routing;
using static CallCenter.Actors.Agents.AgentNotifications;
using static CallCenter.Actors.Agents.OfferReplies;
using static CallCenter.Actors.Queues.RouterProtocol;

namespace CallCenter.Actors.Queues;

/// <summary>Chooses agents for the waiting calls of its parent QueueActor, in serving order, and offers by message:
/// one offer in flight per agent and per call, so several agents are asked at once.</summary>
/// <remarks>
/// Not persisted: its candidates are rebuilt from what agents announce (it asks nobody). The agent is the authority: it
/// accepts or declines each offer from its own journal, so an announcement that is out of date costs a decline, never a
/// double booking. An agent with an offer in flight is not offered another call before it answers (or times out). A
/// decline marks the agent unavailable and the call is offered to the next candidate; with nobody available it waits
/// for the next announcement. An accepted offer goes to the queue, and the call stays out of routing until the queue
/// confirms it (<see cref="OfferRecorded"/>), so a waiting list sent before the queue saw the acceptance cannot offer
/// the call twice. One offer at a time made a queue wait for two journal writes per call (the agent's, then its own).
/// </remarks>
public sealed class RouterActor : ReceiveActor, IWithTimers
{
    private const string OfferTimerPrefix = "offer:";

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly QueueId _queueId;
    private readonly IActorRef _agents;
    private readonly TimeSpan _offerTimeout;
    private readonly Dictionary<AgentId, AgentStatus> _candidates = [];
    private readonly HashSet<CallId> _pending = [];
    private IRoutingStrategy _strategy = RoutingStrategies.Create(QueueSettings.Default.Strategy);
    private ImmutableArray<QueuedCall> _waiting = [];
    private readonly Dictionary<AgentId, CallId> _inFlight = [];
    private readonly Dictionary<AgentId, RoutingCandidate> _freeCandidates = [];
    // The calls of _inFlight: a routing pass asks, for every waiting call, whether it is being offered already.
    private readonly HashSet<CallId> _offered = [];
    private readonly List<RoutingCandidate> _free = [];
    private int _loggedIn;
    private int _recordedStaffing;

    public RouterActor(QueueId queueId, IActorRef agents, TimeSpan offerTimeout)
    {
        _queueId = queueId;
        _agents = agents;
        _offerTimeout = offerTimeout;

        Receive<RoutingConfigured>(Configure);
        Receive<WaitingCallsChanged>(w =>
        {
            _waiting = w.Waiting;
            Route();
        });
        Receive<AgentAnnounced>(a =>
        {
            Learn(a.AgentId, a.Status);
            Route();
        });
        Receive<AgentWithdrawn>(w =>
        {
            if (_candidates.TryGetValue(w.AgentId, out var known) && known.Version <= w.Version)
            {
                _candidates.Remove(w.AgentId);
                _loggedIn -= known.LoggedIn ? 1 : 0;
                ReportStaffing();
            }
        });
        Receive<OfferAccepted>(Accepted);
        Receive<OfferDeclined>(Declined);
        Receive<OfferTimedOut>(TimedOut);
        Receive<OfferRecorded>(r =>
        {
            _pending.Remove(r.CallId);
            Route();
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(QueueId queueId, IActorRef agents, TimeSpan offerTimeout) =>
        Akka.Actor.Props.Create(() => new RouterActor(queueId, agents, offerTimeout));

    private void Configure(RoutingConfigured c)
    {
        // Keep the instance when the name is unchanged: round-robin remembers whose turn it is.
        if (!string.Equals(c.Strategy, _strategy.Name, StringComparison.OrdinalIgnoreCase)
            && RoutingStrategies.TryCreate(c.Strategy, out var strategy))
        {
            _strategy = strategy;
        }

        // The queue's recorded count stands until an announcement says otherwise: a fresh router knows nobody yet.
        _recordedStaffing = c.LoggedInAgents;
        Route();
    }

    private void Accepted(OfferAccepted a)
    {
        Learn(a.AgentId, a.Status);
        Settle(a.CallId, a.AgentId);
        _pending.Add(a.CallId);
        Context.Parent.Tell(a);
        Route();
    }

    private void Declined(OfferDeclined d)
    {
        _log.Debug("Agent {AgentId} declined call {CallId} in queue {QueueId}: {Reason}", d.AgentId, d.CallId, _queueId, d.Reason);
        // Whatever the status says, never offer the same agent again before it announces something new.
        Learn(d.AgentId, d.Status with { Available = false });
        Settle(d.CallId, d.AgentId);
        Route();
    }

    private void TimedOut(OfferTimedOut t)
    {
        if (!IsInFlight(t.CallId, t.AgentId))
        {
            return;
        }

        _log.Warning("Agent {AgentId} did not answer the offer of call {CallId} in queue {QueueId}", t.AgentId, t.CallId, _queueId);
        if (_candidates.TryGetValue(t.AgentId, out var known))
        {
            _candidates[t.AgentId] = known with { Available = false };
        }

        EndOffer(t.AgentId, t.CallId);
        Route();
    }

    private bool IsInFlight(CallId callId, AgentId agentId) => _inFlight.TryGetValue(agentId, out var offered) && offered == callId;

    private void Settle(CallId callId, AgentId agentId)
    {
        if (IsInFlight(callId, agentId))
        {
            EndOffer(agentId, callId);
            Timers.Cancel(OfferTimerPrefix + agentId.Value);
        }
    }

    private void EndOffer(AgentId agentId, CallId callId)
    {
        _inFlight.Remove(agentId);
        _offered.Remove(callId);
    }

    private void Learn(AgentId agentId, AgentStatus status)
    {
        var isKnown = _candidates.TryGetValue(agentId, out var known);
        if (isKnown && known!.Version > status.Version)
        {
            return;
        }

        // Counted as they change: agents announce several times per call, and a queue may have a thousand of them.
        _loggedIn += (status.LoggedIn ? 1 : 0) - (isKnown && known!.LoggedIn ? 1 : 0);
        _candidates[agentId] = status;
        ReportStaffing();
    }

    private void ReportStaffing()
    {
        if (_loggedIn != _recordedStaffing)
        {
            _recordedStaffing = _loggedIn;
            Context.Parent.Tell(new QueueCommands.UpdateStaffing(_queueId, _loggedIn));
        }
    }

    private void Route()
    {
        // Gathered once a pass and only when a call needs an agent: a pass runs on every answer, announcement and
        // change of the waiting list, and a queue may have a thousand agents (a fresh copy per call was most of what
        // the node allocated per call).
        var gathered = false;
        foreach (var call in _waiting)
        {
            if (_pending.Contains(call.CallId) || _offered.Contains(call.CallId))
            {
                continue;
            }

            if (!gathered)
            {
                GatherFreeAgents();
                gathered = true;
            }

            // In serving order: when the first call nobody rings finds no agent, later ones find none either.
            if (_free.Count == 0 || CandidateChoice.Choose(_strategy, call, _free) is not { } agentId)
            {
                return;
            }

            // The timer before the offer: the answer (or whoever watches the offer) may count on it being armed.
            TakeFree(agentId);
            _inFlight[agentId] = call.CallId;
            _offered.Add(call.CallId);
            Timers.StartSingleTimer(OfferTimerPrefix + agentId.Value, new OfferTimedOut(call.CallId, agentId), _offerTimeout);
            _agents.Tell(new AgentCommands.OfferCall(agentId, call.CallId, _queueId));
        }
    }

    // The agents that may be offered a call: available, and without an answer pending (one call at a time each).
    // Unavailable ones are left out here rather than by the strategy: no strategy ever chooses them.
    private void GatherFreeAgents()
    {
        _free.Clear();
        foreach (var (agentId, status) in _candidates)
        {
            if (status.Available && !_inFlight.ContainsKey(agentId))
            {
                _free.Add(CandidateOf(agentId, status));
            }
        }
    }

    // One candidate per agent and statistics, made again only when they change: a pass over a thousand free agents
    // made one each, 8 % of everything the node allocated at 200 calls/s (dotnet-trace, session 7).
    private RoutingCandidate CandidateOf(AgentId agentId, AgentStatus status)
    {
        if (!_freeCandidates.TryGetValue(agentId, out var candidate) || !ReferenceEquals(candidate.Statistics, status.Statistics))
        {
            candidate = new RoutingCandidate(agentId, true, status.Statistics);
            _freeCandidates[agentId] = candidate;
        }

        return candidate;
    }

    // Strategies decide by agent id and statistics, never by position, so the last one may take the chosen one's place.
    private void TakeFree(AgentId agentId)
    {
        var index = _free.FindIndex(c => c.AgentId == agentId);
        _free[index] = _free[^1];
        _free.RemoveAt(_free.Count - 1);
    }

    private sealed record OfferTimedOut(CallId CallId, AgentId AgentId) : INotInfluenceReceiveTimeout;
}
