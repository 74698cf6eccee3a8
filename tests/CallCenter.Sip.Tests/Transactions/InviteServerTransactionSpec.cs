using System.Net;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using static CallCenter.Sip.Tests.Transactions.TransactionFixtures;

namespace CallCenter.Sip.Tests.Transactions;

public class InviteServerTransactionSpec
{
    private static readonly SipRequest InviteRequest = Invite(branch: "z9hG4bKserver1");

    private static MachineDriver Create(SipRequest? invite = null, bool tcp = false)
    {
        invite ??= tcp ? Invite(branch: "z9hG4bKserver1", transport: "TCP") : InviteRequest;
        Assert.True(TransactionKeys.TryForServer(invite, out var key));
        return new MachineDriver(InviteServerTransaction.Create(key, invite, tcp ? PeerTcp : PeerUdp, Timers));
    }

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void IST_should_send_100_trying_at_once_and_pass_the_invite_up()
    {
        var invite = Invite(branch: "z9hG4bKserver1");
        var ist = Create(invite);

        var trying = Assert.IsType<SipResponse>(Assert.Single(ist.Sent()));
        Assert.Equal(100, trying.StatusCode);
        Assert.Null(trying.To!.Tag);
        Assert.Equal(invite.TopVia, trying.TopVia);
        Assert.Same(invite, Assert.Single(ist.PassedToTu()));
        Assert.Equal(TimeSpan.Zero, ist.SendTimes(_ => true)[0]);
    }

    [Fact]
    public void IST_should_echo_the_timestamp_in_100_trying()
    {
        var ist = Create(Request(SipMethods.Invite, branch: "z9hG4bKts", extraHeader: "Timestamp: 54.2"));

        Assert.Equal("54.2", ist.Sent()[0].Headers.First(SipHeaderNames.Timestamp));
    }

    [Fact]
    public void IST_should_absorb_a_retransmitted_invite_and_resend_the_last_provisional()
    {
        var ist = Create();
        var ringing = Response(InviteRequest, 180);
        ist.Answer(ringing);

        var actions = ist.Receive(InviteRequest);

        Assert.Equal([new TransactionAction.Send(ringing, PeerUdp)], actions);
        Assert.Single(ist.PassedToTu());
    }

    [Fact]
    public void IST_should_retransmit_a_failure_with_timer_G_doubling_to_T2_until_timer_H()
    {
        var ist = Create();
        var busy = Response(InviteRequest, 486);

        ist.Answer(busy);
        ist.Advance(S(40));

        Assert.Equal(
            [S(0), S(0.5), S(1.5), S(3.5), S(7.5), S(11.5), S(15.5), S(19.5), S(23.5), S(27.5), S(31.5)],
            ist.SendTimes(m => m is SipResponse { StatusCode: 486 }));
        Assert.Equal(new TransactionAction.TimeoutToTu(TransactionTimer.H), ist.ToTu()[^1]);
        Assert.Equal(S(32), ist.TerminatedAt);
    }

    [Fact]
    public void IST_should_resend_the_final_response_when_the_invite_is_retransmitted()
    {
        var ist = Create();
        var busy = Response(InviteRequest, 486);
        ist.Answer(busy);

        Wire.AssertResends(busy, PeerUdp, ist.Receive(InviteRequest));
    }

    [Fact]
    public void IST_should_stop_retransmitting_on_ack_and_absorb_further_acks_until_timer_I()
    {
        var ist = Create();
        var busy = Response(InviteRequest, 486);
        ist.Answer(busy);
        ist.Advance(S(1));

        ist.Receive(AckFor(InviteRequest, busy));
        Assert.Equal(InviteServerState.Confirmed, ist.As<InviteServerTransaction>().State);
        Assert.Empty(ist.Receive(AckFor(InviteRequest, busy)));
        Assert.Empty(ist.Receive(InviteRequest));
        ist.Advance(S(10));

        Assert.Equal([S(0), S(0.5)], ist.SendTimes(m => m is SipResponse { StatusCode: 486 }));
        Assert.Equal(S(6), ist.TerminatedAt);
        Assert.Single(ist.PassedToTu());
    }

    [Fact]
    public void IST_over_tcp_should_not_retransmit_and_end_on_the_ack()
    {
        var invite = Invite(branch: "z9hG4bKserver1", transport: "TCP");
        var ist = Create(invite, tcp: true);
        var busy = Response(invite, 486);

        ist.Answer(busy);
        ist.Advance(S(5));
        ist.Receive(AckFor(invite, busy));

        Assert.Single(ist.SendTimes(m => m is SipResponse { StatusCode: 486 }));
        Assert.Equal(S(5), ist.TerminatedAt);
    }

    [Fact]
    public void IST_should_enter_accepted_on_a_2xx_and_leave_its_retransmission_to_the_tu()
    {
        var ist = Create();
        var ok = Response(InviteRequest, 200);

        ist.Answer(ok);
        ist.Advance(S(31));

        Assert.Equal(InviteServerState.Accepted, ist.As<InviteServerTransaction>().State);
        Assert.Single(ist.SendTimes(m => m is SipResponse { StatusCode: 200 }));
        Assert.Empty(ist.Receive(InviteRequest));
        Assert.Equal([new TransactionAction.Send(ok, PeerUdp)], ist.Answer(ok));
        ist.Advance(S(1));
        Assert.Equal(S(32), ist.TerminatedAt);
    }

    [Fact]
    public void IST_should_pass_a_same_branch_ack_up_while_accepted()
    {
        var ist = Create();
        ist.Answer(Response(InviteRequest, 200));
        var ack = Request(SipMethods.Ack, branch: "z9hG4bKserver1", toTag: "uas-tag");

        Assert.Equal([new TransactionAction.PassToTu(ack)], ist.Receive(ack));
    }

    [Fact]
    public void IST_should_refuse_a_second_final_response()
    {
        var ist = Create();
        ist.Answer(Response(InviteRequest, 486));

        Assert.Empty(ist.Answer(Response(InviteRequest, 200)));
        Assert.Empty(ist.Answer(Response(InviteRequest, 180)));
        Assert.False(ist.As<InviteServerTransaction>().AwaitsFinalResponse);
    }

    [Fact]
    public void IST_should_report_a_transport_error_while_proceeding()
    {
        var ist = Create();

        Assert.Equal(
            [TransactionAction.TransportErrorToTu.Instance, TransactionAction.Terminated.Instance],
            ist.Feed(TransactionInput.TransportError.Instance));
    }

    [Fact]
    public void IST_should_answer_at_the_source_when_the_client_asked_for_rport()
    {
        var natted = new SipEndPoint(SipProtocol.Udp, IPEndPoint.Parse("203.0.113.9:61000"));
        var invite = Request(SipMethods.Invite, branch: "z9hG4bKnat", rport: true);
        Assert.True(TransactionKeys.TryForServer(invite, out var key));

        var step = InviteServerTransaction.Create(key, invite, natted, Timers);

        Assert.Equal(natted, step.Next.Peer);
    }
}
