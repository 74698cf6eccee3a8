using CallCenter.EndToEnd.Tests.Kit;
using CallCenter.Testing;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests;

/// <summary>Calls that do not go the straight way: unknown queue, nobody there yet, a busy agent, a caller who gives up.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CallRoutingSpec(ITestOutputHelper output)
{
    [Fact]
    public async Task Node_should_answer_404_for_a_queue_that_does_not_exist()
    {
        await using var node = await NodeProcess.StartAsync(Configurations.TwoAgents(), output);

        await using var customer = Phones.Call(node, "customer-not-found.xml", "nosuchqueue", count: 1, rate: 1, TimeSpan.FromSeconds(20));
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());
        Assert.Equal(0, (await node.StatusAsync()).OpenCalls);
        Assert.Empty(await CallRecordRows.ReadAsync(node.Database));
    }

    [Fact]
    public async Task Node_should_hold_a_call_until_an_agent_registers_and_then_connect_it()
    {
        await using var node = await NodeProcess.StartAsync(Configurations.TwoAgents(), output);
        var alicePort = FreePort.Next();
        await using var alice = Phones.AnswerCalls("agent-answer.xml", alicePort, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));

        await using var customer = Phones.Call(node, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(45));
        await node.WaitForStatusAsync(s => s.OpenCalls == 1, TimeSpan.FromSeconds(10));

        // The scenario itself: the caller waits a while with nobody logged in (not a synchronisation).
        await Task.Delay(TimeSpan.FromSeconds(2));
        var registered = await Phones.RegisterAsync(node, "alice", Configurations.AlicePassword, alicePort);
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(45));

        Assert.True(registered.ExitCode == 0, registered.ToString());
        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());
        var records = await CallRecordRows.WaitForAsync(node.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("alice", "Completed"), (records[0].AgentId, records[0].Disposition));

        // While it waited the caller heard hold audio: more packets reached it than the agent's phone relayed.
        var media = Assert.Single((await node.WaitForStatusAsync(s => s.Media.Count == 1, TimeSpan.FromSeconds(10))).Media);
        Assert.True(media.CustomerHeard > media.AgentRelayed + 50, $"hold audio: heard {media.CustomerHeard}, relayed {media.AgentRelayed}");
    }

    [Fact]
    public async Task Node_should_offer_the_call_to_the_next_agent_when_the_first_is_busy()
    {
        await using var node = await NodeProcess.StartAsync(Configurations.TwoAgents(), output);
        var (alicePort, bobPort) = (FreePort.Next(), FreePort.Next());
        await using var alice = SippProcess.Start(
            ["-sf", TestPaths.Scenario("agent-busy.xml"), "-p", alicePort.ToString(), "-i", "127.0.0.1"], TimeSpan.FromSeconds(60));
        await using var bob = Phones.AnswerCalls("agent-answer.xml", bobPort, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));
        Assert.Equal(0, (await Phones.RegisterAsync(node, "alice", Configurations.AlicePassword, alicePort)).ExitCode);
        Assert.Equal(0, (await Phones.RegisterAsync(node, "bob", Configurations.BobPassword, bobPort)).ExitCode);
        await node.WaitForStatusAsync(s => s.Agents.All(a => a.Presence == "Available"), TimeSpan.FromSeconds(10));

        // Round-robin starts with the lowest id: alice refuses with 486, so the call goes to bob.
        await using var customer = Phones.Call(node, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(45));
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(45));

        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());
        var records = await CallRecordRows.WaitForAsync(node.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("bob", "Completed", 1), (records[0].AgentId, records[0].Disposition, records[0].FailedOffers));
        var status = await node.WaitForStatusAsync(s => s.Agent("bob").CallsHandled == 1, TimeSpan.FromSeconds(10));
        Assert.Equal(0, status.Agent("alice").CallsHandled);
    }

    [Fact]
    public async Task Node_should_cancel_an_unanswered_agent_after_the_ring_timeout_and_offer_the_next()
    {
        await using var node = await NodeProcess.StartAsync(Configurations.TwoAgents("ring-timeout = 3s"), output);
        var (alicePort, bobPort) = (FreePort.Next(), FreePort.Next());
        await using var alice = SippProcess.Start(
            ["-sf", TestPaths.Scenario("agent-no-answer.xml"), "-p", alicePort.ToString(), "-i", "127.0.0.1"], TimeSpan.FromSeconds(60));
        await using var bob = Phones.AnswerCalls("agent-answer.xml", bobPort, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));
        Assert.Equal(0, (await Phones.RegisterAsync(node, "alice", Configurations.AlicePassword, alicePort)).ExitCode);
        Assert.Equal(0, (await Phones.RegisterAsync(node, "bob", Configurations.BobPassword, bobPort)).ExitCode);
        await node.WaitForStatusAsync(s => s.Agents.All(a => a.Presence == "Available"), TimeSpan.FromSeconds(10));

        // Alice (first in turn) rings for 3 s and is cancelled; bob answers.
        await using var customer = Phones.Call(node, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(45));
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(45));

        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());
        var records = await CallRecordRows.WaitForAsync(node.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("bob", "Completed", 1), (records[0].AgentId, records[0].Disposition, records[0].FailedOffers));
        var unanswered = await alice.WaitAsync(TimeSpan.FromSeconds(2.5));
        Assert.Equal((1, 0), (unanswered.SuccessfulCalls, unanswered.FailedCalls));
    }

    [Fact]
    public async Task Node_should_cancel_the_ringing_phone_of_an_agent_who_unregisters_and_wait_for_another()
    {
        await using var node = await NodeProcess.StartAsync(Configurations.TwoAgents("ring-timeout = 30s"), output);
        var (alicePort, bobPort) = (FreePort.Next(), FreePort.Next());
        await using var alice = SippProcess.Start(
            ["-sf", TestPaths.Scenario("agent-no-answer.xml"), "-m", "1", "-p", alicePort.ToString(), "-i", "127.0.0.1"], TimeSpan.FromSeconds(60));
        await using var bob = Phones.AnswerCalls("agent-answer.xml", bobPort, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));
        Assert.Equal(0, (await Phones.RegisterAsync(node, "alice", Configurations.AlicePassword, alicePort)).ExitCode);

        await using var customer = Phones.Call(node, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(45));
        await node.WaitForStatusAsync(s => s.Agent("alice").Presence == "Reserved", TimeSpan.FromSeconds(10));
        var unregistered = await Phones.RegisterAsync(node, "alice", Configurations.AlicePassword, alicePort, expires: 0);
        await node.WaitForStatusAsync(s => s.Agent("alice").Presence == "Offline", TimeSpan.FromSeconds(10));
        var cancelled = await alice.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, (await Phones.RegisterAsync(node, "bob", Configurations.BobPassword, bobPort)).ExitCode);
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(45));

        Assert.True(unregistered.ExitCode == 0, unregistered.ToString());
        Assert.True(cancelled.SuccessfulCalls == 1, "alice's phone was not cancelled: " + cancelled);
        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());
        var records = await CallRecordRows.WaitForAsync(node.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("bob", "Completed", 1), (records[0].AgentId, records[0].Disposition, records[0].FailedOffers));
    }

    [Fact]
    public async Task Node_should_carry_a_call_through_while_garbage_and_truncated_sip_arrive()
    {
        await using var node = await NodeProcess.StartAsync(Configurations.TwoAgents(), output);
        var alicePort = FreePort.Next();
        await using var alice = Phones.AnswerCalls("agent-answer.xml", alicePort, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(60));
        Assert.Equal(0, (await Phones.RegisterAsync(node, "alice", Configurations.AlicePassword, alicePort)).ExitCode);

        await using var customer = Phones.Call(node, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(45));
        await node.WaitForStatusAsync(s => s.Agent("alice").Presence == "OnCall", TimeSpan.FromSeconds(10));
        using (var attacker = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0)))
        {
            var target = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, node.SipPort);
            for (var i = 0; i < 100; i++)
            {
                await attacker.SendAsync(System.Text.Encoding.UTF8.GetBytes($"\u0001\u0002 garbage {i} {new string('x', i * 7)}"), target);
                await attacker.SendAsync(System.Text.Encoding.UTF8.GetBytes(
                    $"BYE sip:callcenter@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK{i}\r\nCall-ID: "), target);
            }
        }

        var call = await customer.WaitAsync(TimeSpan.FromSeconds(45));

        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());
        var records = await CallRecordRows.WaitForAsync(node.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("alice", "Completed"), (records[0].AgentId, records[0].Disposition));
        var status = await node.WaitForStatusAsync(s => s.Media.Count == 1, TimeSpan.FromSeconds(10));
        Assert.True(status.Media[0].CustomerRelayed > 0 && status.Media[0].AgentRelayed > 0);
    }

    [Fact]
    public async Task Node_should_record_a_caller_who_hangs_up_while_waiting_as_abandoned()
    {
        await using var node = await NodeProcess.StartAsync(Configurations.TwoAgents(), output);

        await using var customer = Phones.Call(
            node, "customer-hangup.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(30), hangUpAfter: TimeSpan.FromSeconds(2));
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());
        var records = await CallRecordRows.WaitForAsync(node.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("Abandoned", null), (records[0].Disposition, records[0].AgentId));
        Assert.Equal(0, (await node.StatusAsync()).OpenCalls);
    }
}
