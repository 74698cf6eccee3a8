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
    public async Task Agent_registered_at_one_node_should_receive_calls_that_arrived_at_others_and_every_node_should_count_them_queued()
    {
        await using var cluster = await ClusterNodes.CreateAsync();
        var a = await cluster.StartAsync("node-a", Configurations.TwoAgents(), output);
        var b = await cluster.StartAsync("node-b", Configurations.TwoAgents(), output);
        var c = await cluster.StartAsync("node-c", Configurations.TwoAgents(), output);

        // Two callers wait in the one sharded queue while no agent is logged in, one through B and one through C: each node,
        // A included, reports both (a per-node count would say 0, 1 and 1).
        await using var throughB = Phones.Call(b, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(90));
        await using var throughC = Phones.Call(c, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(90));
        foreach (var node in new[] { a, b, c })
        {
            await node.WaitForStatusAsync(s => s.Queued == 2, TimeSpan.FromSeconds(30));
        }

        var alicePort = FreePort.Next();
        await using var alice = Phones.AnswerCalls("agent-answer.xml", alicePort, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(80));
        var registered = await Phones.RegisterAsync(a, "alice", Configurations.AlicePassword, alicePort);
        Assert.True(registered.ExitCode == 0, registered.ToString());

        var (callB, callC) = (await throughB.WaitAsync(TimeSpan.FromSeconds(60)), await throughC.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.True(callB.ExitCode == 0 && callB.SuccessfulCalls == 1, callB.ToString());
        Assert.True(callC.ExitCode == 0 && callC.SuccessfulCalls == 1, callC.ToString());

        // One record per call in the cluster's table, whichever node's projection wrote it.
        var records = await cluster.WaitForRecordsAsync(rows => rows.Count == 2 && rows.All(r => r.Disposition is not null), TimeSpan.FromSeconds(20));
        Assert.All(records, r => Assert.Equal(("alice", "Completed"), (r.AgentId, r.Disposition)));
        foreach (var node in new[] { a, b, c })
        {
            await node.WaitForStatusAsync(s => s.Agent("alice").CallsHandled == 2 && s.Queued == 0, TimeSpan.FromSeconds(20));
        }
    }

    [Fact]
    public async Task Killed_node_should_lose_no_agent_queue_or_call_record()
    {
        await using var cluster = await ClusterNodes.CreateAsync();
        var a = await cluster.StartAsync("node-a", Configurations.TwoAgents(), output);
        var b = await cluster.StartAsync("node-b", Configurations.TwoAgents(), output);
        var c = await cluster.StartAsync("node-c", Configurations.TwoAgents(), output);
        var (alicePort, bobPort) = (FreePort.Next(), FreePort.Next());
        await using var alice = Phones.AnswerCalls("agent-answer-wait.xml", alicePort, TimeSpan.Zero, TimeSpan.FromSeconds(100));
        await using var bob = Phones.AnswerCalls("agent-answer.xml", bobPort, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(100));
        Assert.Equal(0, (await Phones.RegisterAsync(b, "alice", Configurations.AlicePassword, alicePort)).ExitCode);
        await a.WaitForStatusAsync(s => s.Agent("alice").Presence == "Available", TimeSpan.FromSeconds(20));

        // A call whose legs live on node A, talking to alice, when node A dies without a word.
        await using var stranded = Phones.Call(a, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(90));
        await a.WaitForStatusAsync(s => s.Agent("alice").Presence == "OnCall", TimeSpan.FromSeconds(30));
        a.KillHard();

        // The split-brain resolver downs A (majority side) and its shards are reallocated. Until then a REGISTER for one of
        // A's agents is answered 503 with Retry-After (SIPp's one-shot REGISTER would not retry), so wait for the removal.
        await c.WaitForLineAsync(l => l.Contains("Member removed", StringComparison.Ordinal), TimeSpan.FromSeconds(40));

        // The survivors take over A's agent and queue shards from the journal; a new call through C still reaches an agent.
        Assert.Equal(0, (await Phones.RegisterAsync(c, "bob", Configurations.BobPassword, bobPort)).ExitCode);
        await c.WaitForStatusAsync(s => Presence(s, "bob") == "Available" && Presence(s, "alice") == "OnCall", TimeSpan.FromSeconds(40));
        await using var customer = Phones.Call(c, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(60));
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());

        // Node A returns under its node id: its calls index closes the stranded call as Interrupted.
        await cluster.StartAsync("node-a", Configurations.TwoAgents(), output, seed: b);
        var records = await cluster.WaitForRecordsAsync(rows => rows.All(r => r.Disposition is not null) && rows.Count >= 2, TimeSpan.FromSeconds(40));
        Assert.Equal(
            [("alice", "Interrupted"), ("bob", "Completed")],
            records.Select(r => (r.AgentId, r.Disposition)).OrderBy(r => r.AgentId).ToArray());
        await c.WaitForStatusAsync(s => Presence(s, "alice") is { } presence && presence != "OnCall", TimeSpan.FromSeconds(20));

        // Nodes A (restarted), B and C all project into that table: once they have all caught up it still holds exactly
        // these two records, each folded once (an event folded twice would have moved a field, e.g. the failed offers).
        await cluster.WaitForProjectionsAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(records, await CallRecordRows.ReadPostgreSqlAsync(cluster.ConnectionString));
    }

    [Fact]
    public async Task Second_node_with_the_same_node_id_should_refuse_to_start_and_leave_the_first_ones_calls_alone()
    {
        await using var cluster = await ClusterNodes.CreateAsync();
        var a = await cluster.StartAsync("node-a", Configurations.TwoAgents(), output);
        var alicePort = FreePort.Next();
        await using var alice = Phones.AnswerCalls("agent-answer.xml", alicePort, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(60));
        Assert.Equal(0, (await Phones.RegisterAsync(a, "alice", Configurations.AlicePassword, alicePort)).ExitCode);
        await a.WaitForStatusAsync(s => s.Agent("alice").Presence == "Available", TimeSpan.FromSeconds(20));
        await using var customer = Phones.Call(a, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(60));
        await a.WaitForStatusAsync(s => s.Agent("alice").Presence == "OnCall", TimeSpan.FromSeconds(20));

        // A second process configured as node-a starts while node-a talks: it must not recover (and close) node-a's calls.
        var (exitCode, duplicate) = await cluster.RunToExitAsync("node-a", Configurations.TwoAgents(), TimeSpan.FromSeconds(30));

        Assert.Equal(4, exitCode);
        Assert.Contains("another node is running with callcenter.node-id = \"node-a\"", duplicate, StringComparison.Ordinal);
        Assert.DoesNotContain(NodeProcess.ReadyLine, duplicate, StringComparison.Ordinal);
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());
        var records = await cluster.WaitForRecordsAsync(rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("alice", "Completed"), (records[0].AgentId, records[0].Disposition));
        Assert.Equal(2, (await a.StatusAsync()).Agents.Count);
    }

    [Theory]
    [InlineData(new[] { "--seed", "127.0.0.1" }, "--seed: '127.0.0.1' is not host:port")]
    [InlineData(new[] { "--cluster-port", "70000" }, "--cluster-port: '70000' is not a port (1-65535)")]
    [InlineData(new[] { "--cluster-port", "4053" }, "callcenter.persistence.postgresql: is empty")]
    public async Task Node_should_refuse_a_broken_cluster_configuration(string[] options, string message)
    {
        var configuration = Configurations.TwoAgents() + "\ncallcenter.persistence.provider = postgresql\n";
        var (exitCode, output) = await NodeProcess.RunToExitAsync(
            message.StartsWith("callcenter", StringComparison.Ordinal) ? configuration : Configurations.TwoAgents(), TimeSpan.FromSeconds(60), options);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    /// <summary>Null while the agents cannot be asked (their shard is moving: the status then lists none).</summary>
    private static string? Presence(NodeStatusLine status, string agent) =>
        status.Agents?.FirstOrDefault(a => a.Id == agent)?.Presence;
}
