using CallCenter.EndToEnd.Tests.Kit;
using CallCenter.Testing;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests;

/// <summary>
/// An agent's phone that vanishes without a BYE in the middle of a call (power cut, lost Wi-Fi) must not leave the call
/// and the agent busy forever: the node's in-dialog OPTIONS probe finds it gone and ends the call.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DeadPeerSpec(ITestOutputHelper output)
{
    [Fact]
    public async Task Node_should_end_a_call_whose_agent_phone_vanished_release_the_agent_and_record_it_once()
    {
        // Probe every second; T1 = 100 ms makes an unanswered OPTIONS time out after 64 * T1 = 6.4 s.
        var configuration = Configurations.TwoAgents().Replace("sip { t1 = 500ms }", "sip { t1 = 100ms, probe-interval = 1s }", StringComparison.Ordinal);
        await using var node = await NodeProcess.StartAsync(configuration, output);
        var alicePort = FreePort.Next();
        await using var alice = Phones.AnswerCalls("agent-answer-vanish.xml", alicePort, TimeSpan.Zero, TimeSpan.FromSeconds(40));
        var registered = await Phones.RegisterAsync(node, "alice", Configurations.AlicePassword, alicePort);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        await node.WaitForStatusAsync(s => s.Agent("alice").Presence == "Available", TimeSpan.FromSeconds(10));

        // The customer's phone stays (it answers the probes of its own leg) and waits for the center's BYE.
        await using var customer = Phones.Call(node, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(30));
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, "the customer got the center's BYE: " + call);
        await node.WaitForLineAsync(l => l.Contains("phone is gone", StringComparison.Ordinal) && l.Contains("alice", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        await node.WaitForStatusAsync(s => s.OpenCalls == 0 && s.Agent("alice").Presence == "Available", TimeSpan.FromSeconds(15));
        var records = await CallRecordRows.WaitForAsync(node.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(10));
        Assert.Equal("alice", Assert.Single(records).AgentId);
        var agentSide = await alice.WaitAsync(TimeSpan.FromSeconds(3));
        Assert.True(agentSide.SuccessfulCalls == 1, "the agent's phone answered, took the ACK and left: " + agentSide);
    }
}
