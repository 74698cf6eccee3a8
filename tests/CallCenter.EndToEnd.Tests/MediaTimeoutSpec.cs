using CallCenter.EndToEnd.Tests.Kit;
using CallCenter.Testing;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests;

/// <summary>A bridged call whose audio has stopped is hung up on both sides once the configured media timeout passes.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class MediaTimeoutSpec(ITestOutputHelper output)
{
    [Fact]
    public async Task Node_should_hang_up_both_legs_of_a_call_without_rtp_after_the_media_timeout_and_record_it_failed()
    {
        var configuration = Configurations.TwoAgents().Replace("sip { t1 = 500ms }", "sip { t1 = 500ms }\n  media { timeout = 4s }", StringComparison.Ordinal);
        await using var node = await NodeProcess.StartAsync(configuration, output);
        var alicePort = FreePort.Next();
        await using var alice = Phones.AnswerCalls("agent-answer-wait.xml", alicePort, TimeSpan.Zero, TimeSpan.FromSeconds(40));
        var registered = await Phones.RegisterAsync(node, "alice", Configurations.AlicePassword, alicePort);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        await node.WaitForStatusAsync(s => s.Agent("alice").Presence == "Available", TimeSpan.FromSeconds(10));

        // The customer's phone never sends RTP, and the agent's only echoes what reaches it: both legs stay silent.
        await using var customer = Phones.Call(node, "customer-silent.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(30));
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, "the customer got the center's BYE: " + call);
        var records = await CallRecordRows.WaitForAsync(node.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("alice", "Failed"), (records[0].AgentId, records[0].Disposition));
        await node.WaitForStatusAsync(s => s.OpenCalls == 0 && s.Agent("alice").Presence == "Available", TimeSpan.FromSeconds(10));
        // The agent's SIPp answers calls until killed; it writes its statistics every second (-fd 1), so 3 s holds its BYE.
        var agentSide = await alice.WaitAsync(TimeSpan.FromSeconds(3));
        Assert.True(agentSide.SuccessfulCalls == 1, "the agent got the center's BYE: " + agentSide);
    }
}
