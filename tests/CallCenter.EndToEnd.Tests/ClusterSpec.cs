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

        // The split-brain resolver downs A (majority side) and its shards are reallocated. Until then a REGISTER sent to
        // one of A's agents is lost (the registrar tells once; the phone's next refresh repeats it), so wait for the removal.
        await c.WaitForLineAsync(l => l.Contains("Member removed", StringComparison.Ordinal), TimeSpan.FromSeconds(40));

        // The survivors take over A's agent and queue shards from the journal; a new call through C still reaches an agent.
        Assert.Equal(0, (await Phones.RegisterAsync(c, "bob", Configurations.BobPassword, bobPort)).ExitCode);
        await c.WaitForStatusAsync(s => Presence(s, "bob") == "Available" && Presence(s, "alice") == "OnCall", TimeSpan.FromSeconds(40));
        await using var customer = Phones.Call(c, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(60));
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());

        // Node A returns under its node id: its calls index closes the stranded call as Interrupted.
        await cluster.StartAsync("node-a", Configurations.TwoAgents(), output, seed: b);
        var records = await CallRecordRows.WaitForAsync(
            b.Database, rows => rows.Count == 2 && rows.All(r => r.Disposition is not null), TimeSpan.FromSeconds(40));
        Assert.Equal(
            [("alice", "Interrupted"), ("bob", "Completed")],
            records.Select(r => (r.AgentId, r.Disposition)).OrderBy(r => r.AgentId).ToArray());
        await c.WaitForStatusAsync(s => Presence(s, "alice") is { } presence && presence != "OnCall", TimeSpan.FromSeconds(20));
        // Each node projects on its own schedule: C's records catch up with B's, and never pass two.
        await CallRecordRows.WaitForAsync(c.Database, rows => rows.Count == 2 && rows.All(r => r.Disposition is not null), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Second_node_with_a_node_id_already_in_the_cluster_should_refuse_to_run_and_leave_the_first_ones_calls_alone()
    {
        await using var cluster = await ClusterNodes.CreateAsync();
        var a = await cluster.StartAsync("node-a", Configurations.TwoAgents(), output);
        var alicePort = FreePort.Next();
        await using var alice = Phones.AnswerCalls("agent-answer.xml", alicePort, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(60));
        Assert.Equal(0, (await Phones.RegisterAsync(a, "alice", Configurations.AlicePassword, alicePort)).ExitCode);
        await a.WaitForStatusAsync(s => s.Agent("alice").Presence == "Available", TimeSpan.FromSeconds(20));
        await using var customer = Phones.Call(a, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(60));
        await a.WaitForStatusAsync(s => s.Agent("alice").Presence == "OnCall", TimeSpan.FromSeconds(20));

        // A second process configured as node-a joins while node-a talks: it must not recover (and close) node-a's calls.
        var (exitCode, duplicate) = await cluster.RunToExitAsync("node-a", Configurations.TwoAgents(), TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("already runs as node id 'node-a'", duplicate, StringComparison.Ordinal);
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());
        var records = await CallRecordRows.WaitForAsync(a.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("alice", "Completed"), (records[0].AgentId, records[0].Disposition));
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
