using CallCenter.Domain.Agents;
using static CallCenter.Domain.Agents.AgentEvents;
using static CallCenter.Domain.Tests.Agents.AgentFixtures;
using static CallCenter.Domain.Tests.Kit.Steps;

namespace CallCenter.Domain.Tests.Agents;

public sealed class AgentQueuesSpec
{
    private static readonly QueueId Sales = new("sales");

    [Fact]
    public void Agent_should_serve_no_queue_until_told()
    {
        Assert.Empty(new AgentState(Alice).Queues);
    }

    [Fact]
    public void Agent_should_record_its_queues_distinct_and_in_id_order()
    {
        var decision = Offline().Decide(new AgentCommands.ServeQueues(Alice, [Support, Sales, Support]), At(1));

        var assigned = Single<AgentQueuesAssigned>(decision);
        Assert.Equal([Sales, Support], assigned.Queues.ToArray());
        Assert.Equal([Sales, Support], Offline().Apply(assigned).Queues.ToArray());
    }

    [Fact]
    public void Agent_should_treat_the_same_queues_in_another_order_as_noop()
    {
        var agent = Offline().Must(new AgentCommands.ServeQueues(Alice, [Support, Sales]), At(1));

        AssertNoOp(agent.Decide(new AgentCommands.ServeQueues(Alice, [Sales, Support, Sales]), At(2)));
    }

    [Fact]
    public void Agent_should_allow_serving_no_queue_at_all()
    {
        var agent = Offline().Must(new AgentCommands.ServeQueues(Alice, [Support]), At(1));

        var emptied = agent.Must(new AgentCommands.ServeQueues(Alice, []), At(2));

        Assert.Empty(emptied.Queues);
    }

    [Fact]
    public void Agent_should_reject_missing_queue_lists_and_ids()
    {
        AssertRejected(Offline().Decide(new AgentCommands.ServeQueues(Alice, default), At(1)), "queues required");
        AssertRejected(Offline().Decide(new AgentCommands.ServeQueues(Alice, [Support, default]), At(1)), "queue id required");
    }

    [Fact]
    public void Agent_should_keep_its_queues_across_going_offline_and_calls()
    {
        var agent = Available().Must(new AgentCommands.ServeQueues(Alice, [Support]), At(1))
            .Must(new AgentCommands.OfferCall(Alice, Call1, Support), At(2))
            .Must(new AgentCommands.Unregister(Alice), At(3));

        Assert.Equal([Support], agent.Queues.ToArray());
        Assert.Equal(AgentPresence.Offline, agent.Presence);
    }
}
