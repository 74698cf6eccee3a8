using Akka.Actor;
using CallCenter.Actors.Entities;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using Xunit.Abstractions;

namespace CallCenter.Actors.Tests.Entities;

public sealed class EntityParentActorSpec : ActorSpec
{
    public EntityParentActorSpec(ITestOutputHelper output)
        : base(output)
    {
    }

    [Fact]
    public async Task EntityParent_should_route_by_entity_id_to_one_child_each_named_safely()
    {
        var parent = Sys.ActorOf(EntityParentActor.Props(new AgentMessageExtractor(10), _ => Props.Create(() => new Echo())));

        parent.Tell(new Ping(new AgentId("sip:alice@example.test/1")), TestActor);
        parent.Tell(new Ping(new AgentId("bob")), TestActor);
        parent.Tell(new Ping(new AgentId("sip:alice@example.test/1")), TestActor);

        var pongs = new[] { await ExpectMsgAsync<Pong>(), await ExpectMsgAsync<Pong>(), await ExpectMsgAsync<Pong>() };
        var alice = EntityNames.For("sip:alice@example.test/1");
        Assert.Equal("sip%3Aalice%40example.test%2F1", alice);
        Assert.Equal([1, 2], pongs.Where(p => p.Name == alice).Select(p => p.Count).Order().ToArray());
        Assert.Equal(1, Assert.Single(pongs, p => p.Name == "bob").Count);
    }

    [Fact]
    public async Task EntityParent_should_start_a_stopped_entity_again_on_its_next_message()
    {
        var parent = Sys.ActorOf(EntityParentActor.Props(new AgentMessageExtractor(10), _ => Props.Create(() => new Echo())));
        parent.Tell(new Ping(new AgentId("bob")), TestActor);
        await ExpectMsgAsync<Pong>();
        var bob = LastSender;
        Watch(bob);

        bob.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(bob);
        parent.Tell(new Ping(new AgentId("bob")), TestActor);

        Assert.Equal(1, (await ExpectMsgAsync<Pong>()).Count);
        Assert.NotEqual(bob, LastSender);
    }

    [Fact]
    public async Task EntityParent_should_drop_messages_without_an_entity_id()
    {
        var parent = Sys.ActorOf(EntityParentActor.Props(new AgentMessageExtractor(10), _ => Props.Create(() => new Echo())));

        parent.Tell("no id", TestActor);

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    private sealed record Ping(AgentId AgentId) : IWithAgentId;

    private sealed record Pong(string Name, int Count);

    private sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            var count = 0;
            Receive<Ping>(_ => Sender.Tell(new Pong(Self.Path.Name, ++count)));
        }
    }
}
