using CallCenter.EndToEnd.Tests.Kit;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests;

/// <summary>
/// A softphone on another SIP stack than ours or SIPp's: baresip 1.0 (libre) as an agent's phone, against the node's
/// default registrar. libre answers a 401 only when every challenge names an algorithm it knows (MD5), which is why
/// the default offers MD5 alone; this spec fails if that default changes back.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BaresipSpec(ITestOutputHelper output)
{
    private static readonly string DefaultRegistrar = $$"""
        callcenter {
          domain = "127.0.0.1"
          queues { support { strategy = round-robin } }
          agents { alice { password = "{{Configurations.AlicePassword}}", queues = [support] } }
        }
        """;

    /// <summary>
    /// A node starting on a starved machine may answer the first REGISTER 503 (the agent's entity is not up yet);
    /// libre then registers again about 50 s later (it does not honour Retry-After; measured).
    /// </summary>
    private static readonly TimeSpan FirstRegistration = TimeSpan.FromSeconds(75);

    [Fact]
    public async Task Baresip_should_register_answer_a_customer_and_carry_audio_both_ways()
    {
        await using var node = await NodeProcess.StartAsync(DefaultRegistrar, output);
        await using var phone = BaresipPhone.Register(node, "alice", Configurations.AlicePassword, TimeSpan.FromSeconds(150), output);
        await node.WaitForStatusAsync(s => s.Agent("alice") is { Presence: "Available", Contact: not null }, FirstRegistration);

        await using var customer = Phones.Call(node, "customer-hangup.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(3));
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(40));

        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());
        var records = await CallRecordRows.WaitForAsync(node.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("alice", "Completed"), (records[0].AgentId, records[0].Disposition));
        var media = Assert.Single((await node.WaitForStatusAsync(s => s.Media.Count == 1, TimeSpan.FromSeconds(10))).Media);
        Assert.True(media.AgentSent > 0 && media.AgentRelayed > 0, $"baresip sent {media.AgentSent} RTP packets, {media.AgentRelayed} relayed to the customer");
        Assert.True(media.CustomerRelayed > 0, $"the customer's {media.CustomerSent} RTP packets: {media.CustomerRelayed} relayed to baresip");
        await node.WaitForStatusAsync(s => s.Agent("alice").Presence == "Available" && s.Agent("alice").CallsHandled == 1, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Baresip_should_call_a_queue_reach_a_baresip_agent_and_hang_up_with_one_completed_record()
    {
        await using var node = await NodeProcess.StartAsync(DefaultRegistrar, output);
        await using var agent = BaresipPhone.Register(node, "alice", Configurations.AlicePassword, TimeSpan.FromSeconds(150), output);
        await node.WaitForStatusAsync(s => s.Agent("alice") is { Presence: "Available", Contact: not null }, FirstRegistration);

        await using var customer = BaresipPhone.Call(node, "support", TimeSpan.FromSeconds(5), output);
        await customer.WaitForExitAsync(TimeSpan.FromSeconds(30));

        var records = await CallRecordRows.WaitForAsync(node.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("alice", "Completed"), (records[0].AgentId, records[0].Disposition));
        var media = Assert.Single((await node.WaitForStatusAsync(s => s.Media.Count == 1, TimeSpan.FromSeconds(10))).Media);
        Assert.True(media.CustomerRelayed > 0 && media.AgentRelayed > 0, $"relayed: customer to agent {media.CustomerRelayed}, agent to customer {media.AgentRelayed}");
        await node.WaitForStatusAsync(s => s.Agent("alice").Presence == "Available" && s.OpenCalls == 0, TimeSpan.FromSeconds(10));
    }
}
