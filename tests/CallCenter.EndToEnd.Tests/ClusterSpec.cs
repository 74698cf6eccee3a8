using CallCenter.EndToEnd.Tests.Kit;
using CallCenter.Testing;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests;

/// <summary>Three node processes in one Akka cluster over one PostgreSQL database: agents and queues are sharded, calls
/// stay on the node their SIP reached.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ClusterSpec(ITestOutputHelper output)
{
    [Fact]
    public async Task Agent_registered_at_one_node_should_receive_a_call_that_arrived_at_another()
    {
        await using var cluster = await ClusterNodes.CreateAsync();
        var a = await cluster.StartAsync("node-a", Configurations.TwoAgents(), output);
        var b = await cluster.StartAsync("node-b", Configurations.TwoAgents(), output);
        var c = await cluster.StartAsync("node-c", Configurations.TwoAgents(), output);
        await WaitForMembersAsync(a, 3);

        var alicePort = FreePort.Next();
        await using var alice = Phones.AnswerCalls("agent-answer.xml", alicePort, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var registered = await Phones.RegisterAsync(a, "alice", Configurations.AlicePassword, alicePort);
        Assert.True(registered.ExitCode == 0, registered.ToString());

        // One sharded agent entity: every node reports the registration made through node A.
        foreach (var node in new[] { a, b, c })
        {
            await node.WaitForStatusAsync(s => s.Agent("alice").Presence == "Available", TimeSpan.FromSeconds(20));
        }

        await using var customer = Phones.Call(b, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(45));
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(45));

        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());
        var records = await CallRecordRows.WaitForAsync(b.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("alice", "Completed"), (records[0].AgentId, records[0].Disposition));
        foreach (var node in new[] { a, b, c })
        {
            await node.WaitForStatusAsync(s => s.Agent("alice").CallsHandled == 1, TimeSpan.FromSeconds(20));
        }
    }

    private static Task WaitForMembersAsync(NodeProcess node, int members) =>
        node.WaitForLineAsync(l => l.Contains("Leader is moving node", StringComparison.Ordinal)
            && node.Lines.Count(x => x.Contains("Leader is moving node", StringComparison.Ordinal)) >= members, TimeSpan.FromSeconds(60));
}
