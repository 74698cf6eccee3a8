using CallCenter.Actors.Gateway;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using static CallCenter.Actors.Tests.Gateway.GatewayText;

namespace CallCenter.Actors.Tests.Gateway;

/// <summary>What the gateway answers for a finished call while it lingers, and when it forgets it.</summary>
public sealed class LingeringCallsSpec
{
    private static readonly SipRequest AgentInvite = Request("INVITE", "agent-call@cc.example", toTag: null, branch: "z9hG4bK-agent");
    private static readonly SipRequest AgentAck = Request("ACK", "agent-call@cc.example", toTag: "agent-1", branch: "z9hG4bK-ack");

    [Fact]
    public void Lingering_calls_should_ack_a_retransmitted_agent_2xx_again_and_nothing_else()
    {
        var (lingering, sent) = WithOneCall(sweepsToKeep: 32);

        Assert.Same(sent, lingering.AckAgain(Key(AgentInvite), SipResponse.For(AgentInvite, 200, toTag: "agent-1")));
        Assert.Null(lingering.AckAgain(Key(AgentInvite), SipResponse.For(AgentInvite, 180, toTag: "agent-1")));
        var other = Request("INVITE", "agent-call@cc.example", toTag: null, branch: "z9hG4bK-other");
        Assert.Null(lingering.AckAgain(Key(other), SipResponse.For(other, 200, toTag: "agent-1")));
    }

    [Fact]
    public void Lingering_calls_should_refuse_requests_of_a_finished_call_with_481_and_a_merged_invite_with_482()
    {
        var (lingering, _) = WithOneCall(sweepsToKeep: 32);

        Assert.Equal(481, lingering.Refusal(Request("BYE", "customer-1@10.0.0.5", toTag: "ours", branch: "z9hG4bK-b"))?.StatusCode);
        Assert.Equal(481, lingering.Refusal(Request("INFO", "agent-call@cc.example", toTag: "agent-1", branch: "z9hG4bK-i"))?.StatusCode);
        Assert.Equal(482, lingering.Refusal(Request("INVITE", "customer-1@10.0.0.5", toTag: null, branch: "z9hG4bK-new"))?.StatusCode);
        Assert.Null(lingering.Refusal(Request("INVITE", "someone-else@10.0.0.5", toTag: null, branch: "z9hG4bK-x")));
    }

    [Fact]
    public void Lingering_calls_should_forget_a_call_once_its_sweeps_have_passed()
    {
        var (lingering, _) = WithOneCall(sweepsToKeep: 3);
        var bye = Request("BYE", "customer-1@10.0.0.5", toTag: "ours", branch: "z9hG4bK-b");

        lingering.Sweep();
        lingering.Sweep();
        Assert.NotNull(lingering.Refusal(bye));
        lingering.Sweep();

        Assert.Equal(0, lingering.Count);
        Assert.Null(lingering.Refusal(bye));
        Assert.Null(lingering.AckAgain(Key(AgentInvite), SipResponse.For(AgentInvite, 200, toTag: "agent-1")));
    }

    [Fact]
    public void Lingering_calls_should_keep_nothing_without_a_linger()
    {
        var (lingering, _) = WithOneCall(sweepsToKeep: 0);

        Assert.Equal(0, lingering.Count);
        Assert.Null(lingering.Refusal(Request("BYE", "customer-1@10.0.0.5", toTag: "ours", branch: "z9hG4bK-b")));
    }

    private static (LingeringCalls Lingering, SipOutbound.SendAck Ack) WithOneCall(long sweepsToKeep)
    {
        var lingering = new LingeringCalls(sweepsToKeep);
        var ack = new SipOutbound.SendAck(AgentAck, Phone);
        lingering.Add(new FinishedCall(["customer-1@10.0.0.5", "agent-call@cc.example"], [new FinishedCall.AgentAck(Key(AgentInvite), ack)]));
        return (lingering, ack);
    }

    private static ClientTransactionKey Key(SipRequest request)
    {
        Assert.True(TransactionKeys.TryForClient(request, out var key));
        return key;
    }

    private static SipRequest Request(string method, string callId, string? toTag, string branch) => Parse($"""
        {method} sip:peer@10.0.0.7:5070 SIP/2.0
        Via: SIP/2.0/UDP 10.0.0.1:5060;branch={branch}
        Max-Forwards: 70
        From: <sip:support@cc.example>;tag=from-1
        To: <sip:alice@cc.example>{(toTag is null ? "" : ";tag=" + toTag)}
        Call-ID: {callId}
        CSeq: 1 {method}
        Content-Length: 0


        """);
}
