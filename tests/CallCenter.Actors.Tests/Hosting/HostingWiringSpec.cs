using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence.Hosting;
using CallCenter.Actors.Agents;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Hosting;
using CallCenter.Actors.Queues;
using CallCenter.Actors.Signalling;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Actors.Tests.Hosting;

/// <summary>The hosting extensions wire a working node (a plain host, not Akka.Hosting.TestKit, which targets xunit v3).</summary>
public sealed class HostingWiringSpec
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);
    private static readonly AgentId Alice = new("alice");
    private static readonly QueueId Support = new("support");

    [Fact]
    public async Task Local_mode_should_register_agents_queues_and_calls_and_send_their_configuration()
    {
        await using var host = BuildHost(withSignalling: true);
        await host.StartAsync();
        var registry = host.Services.GetRequiredService<ActorRegistry>();
        var agents = registry.Get<AgentActor>();
        var queues = registry.Get<QueueActor>();
        var calls = registry.Get<CallActor>();
        Assert.All(new[] { agents, queues, calls }, actor => Assert.False(actor.IsNobody()));
        Assert.Equal(["agents", "queues", "calls"], new[] { agents, queues, calls }.Select(a => a.Path.Name).ToArray());

        var alice = (await agents.Ask<AgentQueries.AgentStateResult>(new AgentQueries.GetAgentState(Alice), AskTimeout)).State;
        var support = (await queues.Ask<QueueQueries.QueueStateResult>(new QueueQueries.GetQueueState(Support), AskTimeout)).State;
        var open = await calls.Ask<CallQueries.OpenCallsResult>(CallQueries.GetOpenCalls.Instance, AskTimeout);

        Assert.Equal(2, alice.Settings.Capacity);
        Assert.Equal([Support], alice.Queues.ToArray());
        Assert.Equal(7, support.Settings.MaxSize);
        Assert.Empty(open.Calls);
        var required = host.Services.GetRequiredService<IRequiredActor<CallActor>>();
        Assert.Equal(calls, await required.GetAsync());
    }

    [Fact]
    public async Task AddCallActors_should_refuse_to_start_without_a_signalling_port()
    {
        await using var host = BuildHost(withSignalling: false);

        var failure = await Record.ExceptionAsync(host.StartAsync);

        Assert.NotNull(failure);
        Assert.Contains(nameof(SignallingPort), failure.ToString());
    }

    private static MinimalHost BuildHost(bool withSignalling) =>
        new(services => services.AddAkka("wiring", (builder, _) =>
            {
                builder.WithInMemoryJournal().WithInMemorySnapshotStore();
                if (withSignalling)
                {
                    builder.WithActors((system, registry) => registry.Register<SignallingPort>(system.ActorOf(Props.Empty, "signalling")));
                }

                builder
                    .AddAgentActors(new AgentActorsSettings { Agents = [new AgentDefinition(Alice, new AgentSettings(Capacity: 2), [Support])] })
                    .AddQueueActors(new QueueActorsSettings { Queues = [new QueueDefinition(Support, QueueSettings.Default with { MaxSize = 7 })] })
                    .AddCallActors(new CallActorsSettings("node-a"));
            }));
}
