using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using CallCenter.Domain.Routing;
using CallCenter.Domain.Tests.Kit;

namespace CallCenter.Domain.Tests.Simulation;

/// <summary>Does what the actors will do (decide, apply, tell the others, watch timers), one virtual second at a time.</summary>
internal sealed class Switchboard
{
    private readonly Func<AgentId, CallId, bool> _answers;
    private readonly TimeSpan _talkTime;

    public Switchboard(QueueSettings settings, AgentSettings agentSettings, IEnumerable<AgentId> agents,
        TimeSpan talkTime, Func<AgentId, CallId, bool>? answers = null)
    {
        _answers = answers ?? ((_, _) => true);
        _talkTime = talkTime;
        Queue = new QueueState(Id).Run(new QueueCommands.Configure(Id, settings), Now).State;
        foreach (var id in agents)
        {
            Agents[id] = new AgentState(id)
                .Run(new AgentCommands.Configure(id, agentSettings), Now).State
                .Must(new AgentCommands.Register(id, $"sip:{id}@10.0.0.1", TimeSpan.FromHours(8)), Now);
        }

        Queue = Queue.Must(new QueueCommands.UpdateStaffing(Id, Agents.Count), Now);
        Router = RoutingStrategies.Create(settings.Strategy);
    }

    public static QueueId Id { get; } = new("support");

    public DateTimeOffset Now { get; private set; } = Steps.T0;

    public QueueState Queue { get; private set; }

    public Dictionary<AgentId, AgentState> Agents { get; } = [];

    public Dictionary<CallId, CallState> Calls { get; } = [];

    public IRoutingStrategy Router { get; }

    public List<(CallId Call, AgentId Agent)> Connections { get; } = [];

    public void Arrive(CallId id)
    {
        Calls[id] = new CallState(id)
            .Must(new CallCommands.Receive(id, $"sip:{id}@customer.test", Id), Now)
            .Must(new CallCommands.Enqueue(id, Id), Now);
        Queue = Queue.Must(new QueueCommands.Enqueue(Id, id), Now);
    }

    /// <summary>One second passes: timers fire, phones ring out or answer, conversations end, the router offers.</summary>
    public void Tick()
    {
        Now = Now.AddSeconds(1);
        foreach (var agent in Agents.Values.Where(a => a.WrapUpEndsAt <= Now).ToArray())
        {
            Agents[agent.AgentId] = agent.Must(new AgentCommands.EndWrapUp(agent.AgentId), Now);
        }

        foreach (var (agent, held) in Agents.Values.SelectMany(a => a.Calls.Select(c => (a.AgentId, c))).ToArray())
        {
            if (held.ConnectedAt is { } connected && Now - connected >= _talkTime)
            {
                HangUp(agent, held.CallId);
            }
            else if (!held.IsConnected && _answers(agent, held.CallId) && Now - held.ReservedAt >= TimeSpan.FromSeconds(5))
            {
                Answer(agent, held.CallId);
            }
            else if (!held.IsConnected && Now - held.ReservedAt >= Queue.Settings.RingTimeout)
            {
                RingOut(agent, held.CallId);
            }
        }

        Route();
    }

    private void Route()
    {
        while (Queue.Head is { } head)
        {
            var declined = new HashSet<AgentId>();
            AgentId? accepted = null;
            while (accepted is null)
            {
                var candidates = Agents.Values
                    .Select(a => a.ToCandidate() is var c && declined.Contains(c.AgentId) ? c with { IsAvailable = false } : c)
                    .ToArray();
                if (Router.Choose(head.CallId, candidates) is not { } chosen)
                {
                    return;
                }

                var (next, result, _) = Agents[chosen].Run(new AgentCommands.OfferCall(chosen, head.CallId, Id), Now);
                Agents[chosen] = next;
                if (result.IsOk)
                {
                    accepted = chosen;
                }
                else
                {
                    declined.Add(chosen);
                }
            }

            Queue = Queue.Must(new QueueCommands.StartOffer(Id, head.CallId, accepted.Value), Now);
            Calls[head.CallId] = Calls[head.CallId].Must(new CallCommands.Offer(head.CallId, accepted.Value), Now);
        }
    }

    private void Answer(AgentId agent, CallId call)
    {
        Agents[agent] = Agents[agent].Must(new AgentCommands.ConnectCall(agent, call), Now);
        Calls[call] = Calls[call].Must(new CallCommands.Connect(call, agent), Now);
        Queue = Queue.Must(new QueueCommands.MarkAnswered(Id, call, agent), Now);
        Connections.Add((call, agent));
    }

    private void HangUp(AgentId agent, CallId call)
    {
        Calls[call] = Calls[call].Must(new CallCommands.Hangup(call, Party.Agent), Now);
        Agents[agent] = Agents[agent].Must(new AgentCommands.EndCall(agent, call), Now);
    }

    private void RingOut(AgentId agent, CallId call)
    {
        Agents[agent] = Agents[agent].Must(new AgentCommands.ReleaseReservation(agent, call, ReleaseReason.NoAnswer), Now);
        Calls[call] = Calls[call].Must(new CallCommands.FailOffer(call, agent, OfferFailure.NoAnswer), Now);
        Queue = Queue.Must(new QueueCommands.Requeue(Id, call, agent, OfferFailure.NoAnswer), Now);
    }
}
