using Akka.Actor;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>Props of test entities over the real domain states, with the production persistence id prefixes.</summary>
public static class TestEntities
{
    public static Props Call(CallId id) => Props.Create(() => new EntityActor<CallState, ICallCommand, ICallEvent>(
        $"call-{id.Value}", new CallState(id), (s, c, now) => s.Decide(c, now), (s, e) => s.Apply(e)));

    public static Props Agent(AgentId id) => Props.Create(() => new EntityActor<AgentState, IAgentCommand, IAgentEvent>(
        $"agent-{id.Value}", new AgentState(id), (s, c, now) => s.Decide(c, now), (s, e) => s.Apply(e)));

    public static Props Queue(QueueId id) => Props.Create(() => new EntityActor<QueueState, IQueueCommand, IQueueEvent>(
        $"queue-{id.Value}", new QueueState(id), (s, c, now) => s.Decide(c, now), (s, e) => s.Apply(e)));
}
