using CallCenter.EndToEnd.Tests.Kit;
using CallCenter.Testing;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests;

/// <summary>A caller who gives up before the answer. The queue's answer-delay keeps the caller ringing (180) long
/// enough that the CANCEL comes before the 200 every time, not by a race.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CustomerCancelSpec(ITestOutputHelper output)
{
    /// <summary>support rings its callers for a minute; alice serves sales only, bob serves support.</summary>
    private static readonly string TwoQueues = $$"""
        callcenter {
          domain = "127.0.0.1"
          sip { t1 = 500ms }
          registrar { algorithms = [MD5, SHA-256] }
          shutdown { grace-period = 1s }
          queues {
            support { strategy = round-robin, answer-delay = 60s, ring-timeout = 30s }
            sales { strategy = round-robin }
          }
          agents {
            alice { password = "{{Configurations.AlicePassword}}", queues = [sales] }
            bob { password = "{{Configurations.BobPassword}}", queues = [support] }
          }
        }
        """;

    [Fact]
    public async Task Node_should_answer_a_cancel_while_the_caller_rings_with_487_and_record_the_call_abandoned()
    {
        await using var node = await NodeProcess.StartAsync(TwoQueues, output);
        var alicePort = FreePort.Next();
        await using var alice = Phones.AnswerCalls("agent-answer.xml", alicePort, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));
        Assert.Equal(0, (await Phones.RegisterAsync(node, "alice", Configurations.AlicePassword, alicePort)).ExitCode);
        await node.WaitForStatusAsync(s => s.Agent("alice").Presence == "Available", TimeSpan.FromSeconds(10));

        // The caller hangs up after 1 s of ringback, well inside the 60 s answer delay.
        await using var customer = Phones.Call(
            node, "customer-cancel.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(30), hangUpAfter: TimeSpan.FromSeconds(1));
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(30));

        // The scenario passes only on 180, then 200 (CANCEL) and 487 (INVITE), then 481 for the stray CANCEL.
        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());
        var records = await CallRecordRows.WaitForAsync(node.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("support", "Abandoned", null, null), (records[0].QueueId, records[0].Disposition, records[0].AgentId, records[0].AnsweredAt));
        var status = await node.WaitForStatusAsync(s => s.OpenCalls == 0, TimeSpan.FromSeconds(10));
        Assert.Equal(("Available", 0), (status.Agent("alice").Presence, status.Agent("alice").CallsHandled));
        Assert.DoesNotContain(node.Lines, line => line.Contains("ringing agent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Node_should_cancel_the_ringing_agent_when_the_caller_cancels_and_make_the_agent_available_again()
    {
        await using var node = await NodeProcess.StartAsync(TwoQueues, output);
        var bobPort = FreePort.Next();
        await using var bob = SippProcess.Start(
            ["-sf", TestPaths.Scenario("agent-no-answer.xml"), "-m", "1", "-p", bobPort.ToString(), "-i", "127.0.0.1"], TimeSpan.FromSeconds(60));
        Assert.Equal(0, (await Phones.RegisterAsync(node, "bob", Configurations.BobPassword, bobPort)).ExitCode);
        await node.WaitForStatusAsync(s => s.Agent("bob").Presence == "Available", TimeSpan.FromSeconds(10));

        // Bob is rung as soon as the call queues; the caller gives up 3 s into its ringback (the 30 s ring timeout and
        // the 60 s answer delay are far away), so bob's phone is still ringing when the CANCEL comes.
        await using var customer = Phones.Call(
            node, "customer-cancel.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(30), hangUpAfter: TimeSpan.FromSeconds(3));
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(30));
        var ringing = await bob.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());
        Assert.True(ringing.ExitCode == 0 && ringing.SuccessfulCalls == 1, "bob's phone was not rung then cancelled: " + ringing);
        var records = await CallRecordRows.WaitForAsync(node.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("Abandoned", null), (records[0].Disposition, records[0].AnsweredAt));
        var status = await node.WaitForStatusAsync(s => s.OpenCalls == 0 && s.Agent("bob").Presence == "Available", TimeSpan.FromSeconds(10));
        Assert.Equal(0, status.Agent("bob").CallsHandled);
    }
}
