using CallCenter.EndToEnd.Tests.Kit;
using CallCenter.Testing;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests;

/// <summary>SIGTERM drains the node: its calls get the grace period, then end with BYE on both legs and a record, the
/// process exits 0, and a restart on the same database finds nothing left to close out.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class GracefulShutdownSpec(ITestOutputHelper output)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Sigterm_should_end_a_connected_and_a_queued_call_with_bye_and_record_them_then_exit_0()
    {
        var configuration = Configurations.TwoAgents() + $"\ncallcenter.shutdown.grace-period = {(int)Grace.TotalSeconds}s\n";
        await using var node = await NodeProcess.StartAsync(configuration, output);
        var alicePort = FreePort.Next();
        await using var alice = Phones.AnswerCalls("agent-answer-wait.xml", alicePort, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        Assert.Equal(0, (await Phones.RegisterAsync(node, "alice", Configurations.AlicePassword, alicePort)).ExitCode);
        await node.WaitForStatusAsync(s => s.Agent("alice").Presence == "Available", TimeSpan.FromSeconds(10));

        // Two callers, one agent: the first talks to alice, the second waits in the queue; neither ever hangs up.
        await using var customers = Phones.Call(node, "customer.xml", "support", count: 2, rate: 2, TimeSpan.FromSeconds(60));
        await node.WaitForStatusAsync(s => s.Agent("alice").Presence == "OnCall" && s.OpenCalls == 2, TimeSpan.FromSeconds(15));

        var exitCode = await node.TerminateAsync(Grace + TimeSpan.FromSeconds(15));

        Assert.Equal(0, exitCode);
        var calls = await customers.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(calls.ExitCode == 0 && calls.SuccessfulCalls == 2 && calls.FailedCalls == 0, calls.ToString());
        var answered = await alice.WaitAsync(TimeSpan.FromSeconds(2.5));
        Assert.True(answered.SuccessfulCalls == 1 && answered.FailedCalls == 0, answered.ToString());
        Assert.Contains(node.Lines, l => l.Contains("grace period over", StringComparison.Ordinal));

        // The same database on the next start: both calls were closed before the exit, so none is recovered as interrupted.
        await using var restarted = await NodeProcess.StartAsync(configuration, output, options: ["--db", node.Database]);
        var records = await CallRecordRows.WaitForAsync(
            node.Database, rows => rows.Count == 2 && rows.All(r => r.Disposition is not null), TimeSpan.FromSeconds(15));
        Assert.Equal(
            [("alice", "Completed"), (null, "Interrupted")],
            records.Select(r => (r.AgentId, r.Disposition)).OrderBy(r => r.AgentId is null).ToArray());
        Assert.Equal(0, (await restarted.StatusAsync()).OpenCalls);
        Assert.DoesNotContain(restarted.Lines, l => l.Contains("when its node went down", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sigterm_under_traffic_should_refuse_new_calls_with_503_and_end_every_active_call_with_bye_and_one_record()
    {
        const int Agents = 10;
        var grace = TimeSpan.FromSeconds(6);
        var configuration = Configurations.ManyAgents(Agents, $"shutdown.grace-period = {(int)grace.TotalSeconds}s");
        await using var node = await NodeProcess.StartAsync(configuration, output);

        // One SIPp answers for every agent and waits for the center's BYE; each agent registers its address with it.
        var phonesPort = FreePort.Next();
        await using var phones = Phones.AnswerCalls("agent-answer-wait.xml", phonesPort, TimeSpan.Zero, TimeSpan.FromSeconds(90));
        var ids = Enumerable.Range(1, Agents).Select(i => $"agent{i}").ToArray();
        foreach (var agent in ids)
        {
            var registered = await Phones.RegisterAsync(node, agent, Configurations.PasswordOf(agent), phonesPort);
            Assert.True(registered.ExitCode == 0, registered.ToString());
        }

        await using var customers = Phones.Call(node, "customer.xml", "support", count: Agents, rate: 10, TimeSpan.FromSeconds(90));
        await node.WaitForStatusAsync(
            s => s.OpenCalls == Agents && ids.All(a => s.Agent(a).Presence == "OnCall"), TimeSpan.FromSeconds(30));

        // SIGTERM, then callers keep coming during the grace period: every one is refused, none is queued or rung.
        var terminated = node.TerminateAsync(grace + TimeSpan.FromSeconds(20));
        await node.WaitForLineAsync(l => l.Contains("SIP gateway draining", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await using (var late = Phones.Call(node, "customer-refused.xml", "support", count: 5, rate: 10, TimeSpan.FromSeconds(20)))
        {
            var refused = await late.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.True(refused.ExitCode == 0 && refused.SuccessfulCalls == 5, refused.ToString());
        }

        Assert.False(terminated.IsCompleted, "the node exited before its grace period was over");
        Assert.Equal(0, await terminated);
        var calls = await customers.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(calls.ExitCode == 0 && calls.SuccessfulCalls == Agents && calls.FailedCalls == 0, calls.ToString());
        var answered = await phones.WaitAsync(TimeSpan.FromSeconds(2.5));
        Assert.True(answered.SuccessfulCalls == Agents && answered.FailedCalls == 0, answered.ToString());

        // One record per answered call, none for the refused callers, and nothing left to close on the next start.
        await using var restarted = await NodeProcess.StartAsync(configuration, output, options: ["--db", node.Database]);
        var records = await CallRecordRows.WaitForAsync(
            node.Database, rows => rows.Count >= Agents && rows.All(r => r.Disposition is not null), TimeSpan.FromSeconds(15));
        Assert.Equal(Agents, records.Count);
        Assert.All(records, r => Assert.Equal("Completed", r.Disposition));
        Assert.Equal(ids.Order(), records.Select(r => r.AgentId!).Order());
        Assert.Equal(0, (await restarted.StatusAsync()).OpenCalls);
        Assert.DoesNotContain(restarted.Lines, l => l.Contains("when its node went down", StringComparison.Ordinal));
    }
}
