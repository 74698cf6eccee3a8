using System.Threading.Channels;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Persistence.Hosting;
using Akka.Remote.Hosting;
using CallCenter.Actors.Agents;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Hosting;
using CallCenter.Actors.Queues;
using CallCenter.Actors.Signalling;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Actors.Tests.Hosting;

/// <summary>The sharded placement on a one-node cluster (loopback, ephemeral port): regions under the same registry keys,
/// configuration delivered through them, and a call rung through both regions.</summary>
public sealed class ShardedWiringSpec
{
    private const string Role = "call-center";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);
    private static readonly AgentId Alice = new("alice");
    private static readonly QueueId Support = new("support");

    [Fact]
    public async Task Sharded_mode_should_register_shard_regions_and_route_a_call_through_them()
    {
        var signalling = Channel.CreateUnbounded<object>();
        await using var host = new MinimalHost(services => services.AddAkka("sharded", (builder, _) =>
        {
            var sharded = EntityPlacement.Sharded(Role, shardCount: 10);
            builder
                .WithRemoting("127.0.0.1", 0)
                .WithClustering(new ClusterOptions { Roles = [Role] })
                .WithInMemoryJournal()
                .WithInMemorySnapshotStore()
                .WithActors((system, registry) => registry.Register<SignallingPort>(system.ActorOf(ChannelActor.Props(signalling.Writer), "signalling")))
                .AddAgentActors(new AgentActorsSettings
                {
                    Placement = sharded,
                    Agents = [new AgentDefinition(Alice, AgentSettings.Default, [Support])],
                })
                .AddQueueActors(new QueueActorsSettings { Placement = sharded, Queues = [new QueueDefinition(Support, QueueSettings.Default)] })
                .AddCallActors(new CallActorsSettings("node-a"))
                .AddStartup((system, _) => Cluster.Get(system).Join(Cluster.Get(system).SelfAddress));
        }));
        await host.StartAsync();
        var registry = host.Services.GetRequiredService<ActorRegistry>();
        var agents = registry.Get<AgentActor>();
        var calls = registry.Get<CallActor>();
        Assert.Contains("sharding", agents.Path.ToString());
        Assert.Contains("sharding", registry.Get<QueueActor>().Path.ToString());

        var registered = await agents.Ask<CommandResult>(
            new AgentCommands.Register(Alice, "sip:alice@10.0.0.9", TimeSpan.FromHours(1)), Within);
        Assert.True(registered.IsOk);
        var alice = (await agents.Ask<AgentQueries.AgentStateResult>(new AgentQueries.GetAgentState(Alice), Within)).State;
        Assert.Equal([Support], alice.Queues.ToArray());

        // Whether or not Alice's announcement has reached the queue yet, the call waits there until it has.
        calls.Tell(new CallCommands.Receive(new CallId("c-1"), "sip:carol@customers.test", Support), ActorRefs.NoSender);

        var ring = await ChannelActor.Next<SignallingCommands.RingAgent>(signalling.Reader, Within);
        Assert.Equal((new CallId("c-1"), Alice, "sip:alice@10.0.0.9"), (ring.CallId, ring.AgentId, ring.Contact));
    }
}
