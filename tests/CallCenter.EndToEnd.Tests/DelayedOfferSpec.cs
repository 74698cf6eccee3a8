using CallCenter.EndToEnd.Tests.Kit;
using CallCenter.Testing;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests;

/// <summary>A caller whose INVITE carries no SDP (RFC 3261 §13.2.1): the center offers in its 200, the caller answers
/// in the ACK, and the call is bridged, carries audio both ways and is recorded like any other.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class DelayedOfferSpec(ITestOutputHelper output)
{
    [Fact]
    public async Task Node_should_offer_in_the_200_take_the_answer_from_the_ack_and_carry_the_call()
    {
        await using var node = await NodeProcess.StartAsync(Configurations.TwoAgents(), output);
        var alicePort = FreePort.Next();
        await using var alice = Phones.AnswerCalls("agent-answer-wait.xml", alicePort, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(0, (await Phones.RegisterAsync(node, "alice", Configurations.AlicePassword, alicePort)).ExitCode);
        await node.WaitForStatusAsync(s => s.Agent("alice").Presence == "Available", TimeSpan.FromSeconds(10));

        await using var customer = Phones.Call(
            node, "customer-delayed-offer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(45), hangUpAfter: TimeSpan.FromSeconds(4));
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(45));

        // The scenario checks the offer in the 200 (PCMU, PCMA, telephone-event) and answers it in the ACK.
        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());
        var records = await CallRecordRows.WaitForAsync(node.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("alice", "Completed"), (records[0].AgentId, records[0].Disposition));
        var media = Assert.Single((await node.WaitForStatusAsync(s => s.Media.Count == 1, TimeSpan.FromSeconds(10))).Media);
        Assert.True(media.CustomerRelayed > 0 && media.AgentRelayed > 0, $"relayed: customer {media.CustomerRelayed}, agent {media.AgentRelayed}");
    }
}
