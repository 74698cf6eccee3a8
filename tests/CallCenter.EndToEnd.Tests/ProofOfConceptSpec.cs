using CallCenter.EndToEnd.Tests.Kit;
using CallCenter.Testing;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests;

/// <summary>
/// The proof of concept's demonstration, asserted strictly against the real node: two agents register with digest
/// authentication, five customers call the support queue at one call per second with G.711 audio, and every call is
/// answered, relayed both ways, hung up cleanly and recorded.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ProofOfConceptSpec(ITestOutputHelper output)
{
    private static readonly TimeSpan Talk = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Node_should_spread_five_calls_over_two_agents_three_and_two_when_the_agents_hang_up()
    {
        await using var node = await NodeProcess.StartAsync(Configurations.TwoAgents(), output);
        var (alicePort, bobPort) = (FreePort.Next(), FreePort.Next());
        await using var alice = Phones.AnswerCalls("agent-answer.xml", alicePort, Talk, TimeSpan.FromSeconds(90));
        await using var bob = Phones.AnswerCalls("agent-answer.xml", bobPort, Talk, TimeSpan.FromSeconds(90));
        await RegisterBothAsync(node, alicePort, bobPort);

        await using var customers = Phones.Call(node, "customer.xml", "support", count: 5, rate: 1, TimeSpan.FromSeconds(60));
        var calls = await customers.WaitAsync(TimeSpan.FromSeconds(75));

        Assert.True(calls.ExitCode == 0 && calls.SuccessfulCalls == 5 && calls.FailedCalls == 0, calls.ToString());
        await AssertServedAsync(node, alice, bob);
    }

    [Fact]
    public async Task Node_should_spread_five_calls_over_two_agents_three_and_two_when_the_customers_hang_up()
    {
        await using var node = await NodeProcess.StartAsync(Configurations.TwoAgents(), output);
        var (alicePort, bobPort) = (FreePort.Next(), FreePort.Next());
        await using var alice = Phones.AnswerCalls("agent-answer-wait.xml", alicePort, Talk, TimeSpan.FromSeconds(90));
        await using var bob = Phones.AnswerCalls("agent-answer-wait.xml", bobPort, Talk, TimeSpan.FromSeconds(90));
        await RegisterBothAsync(node, alicePort, bobPort);

        // Each customer talks until 6 s after the answer; the first two are bridged at once, the others wait a little.
        await using var customers = Phones.Call(
            node, "customer-hangup.xml", "support", count: 5, rate: 1, TimeSpan.FromSeconds(60), hangUpAfter: TimeSpan.FromSeconds(6));
        var calls = await customers.WaitAsync(TimeSpan.FromSeconds(75));

        Assert.True(calls.ExitCode == 0 && calls.SuccessfulCalls == 5 && calls.FailedCalls == 0, calls.ToString());
        await AssertServedAsync(node, alice, bob);
    }

    private static async Task RegisterBothAsync(NodeProcess node, int alicePort, int bobPort)
    {
        var aliceRegistered = await Phones.RegisterAsync(node, "alice", Configurations.AlicePassword, alicePort);
        var bobRegistered = await Phones.RegisterAsync(node, "bob", Configurations.BobPassword, bobPort);
        Assert.True(aliceRegistered.ExitCode == 0, aliceRegistered.ToString());
        Assert.True(bobRegistered.ExitCode == 0, bobRegistered.ToString());
        await node.WaitForStatusAsync(s => s.Agents.All(a => a.Presence == "Available"), TimeSpan.FromSeconds(10));
    }

    /// <summary>Both agents Available again with 3 + 2 calls, every call relayed both ways, five Completed records, and
    /// every agent-side call ended with BYE / 200.</summary>
    private static async Task AssertServedAsync(NodeProcess node, SippProcess alice, SippProcess bob)
    {
        var status = await node.WaitForStatusAsync(
            s => s.Agents.All(a => a.Presence == "Available") && s.Agents.Sum(a => a.CallsHandled) == 5 && s.Media.Count == 5 && s.OpenCalls == 0,
            TimeSpan.FromSeconds(20));
        Assert.Equal([2, 3], status.Agents.Select(a => a.CallsHandled).Order().ToArray());
        Assert.All(status.Media, m =>
        {
            Assert.True(m.CustomerRelayed > 0, $"call {m.CallId}: no customer audio reached the agent");
            Assert.True(m.AgentRelayed > 0, $"call {m.CallId}: no agent audio reached the customer");
        });

        var records = await CallRecordRows.WaitForAsync(
            node.Database, rows => rows.Count == 5 && rows.All(r => r.Disposition is not null), TimeSpan.FromSeconds(20));
        Assert.All(records, r =>
        {
            Assert.Equal("Completed", r.Disposition);
            Assert.Equal("support", r.QueueId);
            Assert.NotNull(r.AnsweredAt);
        });
        foreach (var agent in status.Agents)
        {
            Assert.Equal(agent.CallsHandled, records.Count(r => r.AgentId == agent.Id));
        }

        // The phones dump their counters every second; give them a dump after the last call, then stop them.
        var aliceCalls = await alice.WaitAsync(TimeSpan.FromSeconds(2.5));
        var bobCalls = await bob.WaitAsync(TimeSpan.FromSeconds(2.5));
        Assert.Equal(5, aliceCalls.SuccessfulCalls + bobCalls.SuccessfulCalls);
        Assert.Equal(0, aliceCalls.FailedCalls + bobCalls.FailedCalls);
    }
}
