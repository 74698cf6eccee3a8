using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Transactions.TransactionFixtures;

namespace CallCenter.Sip.Tests.Transactions;

public class NonInviteClientTransactionSpec
{
    private static readonly SipRequest Request = Options();

    private static MachineDriver Start(bool tcp = false) =>
        new(NonInviteClientTransaction.Start(tcp ? Options(transport: "TCP") : Request, tcp ? PeerTcp : PeerUdp, Timers));

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void NICT_should_double_timer_E_up_to_T2_until_timer_F_times_out()
    {
        var nict = Start();

        nict.Advance(S(40));

        Assert.Equal(
            [S(0), S(0.5), S(1.5), S(3.5), S(7.5), S(11.5), S(15.5), S(19.5), S(23.5), S(27.5), S(31.5)],
            nict.SendTimes(_ => true));
        Assert.Equal(new TransactionAction.TimeoutToTu(TransactionTimer.F), Assert.Single(nict.ToTu()));
        Assert.Equal(S(32), nict.TerminatedAt);
    }

    [Fact]
    public void NICT_should_retransmit_every_T2_after_a_provisional_response()
    {
        var nict = Start();
        nict.Advance(S(0.6));

        nict.Receive(Response(Request, 100));
        nict.Advance(S(12));

        // The E already running (due at 1.5 s) still fires; from then on every T2.
        Assert.Equal([S(0), S(0.5), S(1.5), S(5.5), S(9.5)], nict.SendTimes(_ => true));
        Assert.Equal(NonInviteClientState.Proceeding, nict.As<NonInviteClientTransaction>().State);
        Assert.Equal(Timers.T2, nict.As<NonInviteClientTransaction>().RetransmitInterval);
    }

    [Fact]
    public void NICT_should_time_out_with_timer_F_in_proceeding_too()
    {
        var nict = Start();
        nict.Receive(Response(Request, 100));

        nict.Advance(S(32));

        Assert.Equal(new TransactionAction.TimeoutToTu(TransactionTimer.F), nict.ToTu()[^1]);
        Assert.True(nict.IsTerminated);
    }

    [Fact]
    public void NICT_should_pass_the_final_up_once_and_absorb_retransmissions_until_timer_K()
    {
        var nict = Start();
        nict.Advance(S(1));

        nict.Receive(Response(Request, 200));
        nict.Receive(Response(Request, 200));
        nict.Advance(S(4.9));
        Assert.False(nict.IsTerminated);
        nict.Advance(S(0.1));

        Assert.Equal([200], nict.PassedToTu().Cast<SipResponse>().Select(r => r.StatusCode));
        Assert.Equal(S(6), nict.TerminatedAt);
        Assert.Equal([S(0), S(0.5)], nict.SendTimes(_ => true));
    }

    [Fact]
    public void NICT_over_tcp_should_not_retransmit_and_end_at_the_final_response()
    {
        var nict = Start(tcp: true);
        nict.Advance(S(10));

        nict.Receive(Response(Options(transport: "TCP"), 404));

        Assert.Single(nict.Sent());
        Assert.Equal(S(10), nict.TerminatedAt);
    }

    [Fact]
    public void NICT_should_report_a_transport_error_and_terminate()
    {
        var nict = Start();

        Assert.Equal(
            [TransactionAction.TransportErrorToTu.Instance, TransactionAction.Terminated.Instance],
            nict.Feed(TransactionInput.TransportError.Instance));
    }

    [Fact]
    public void NICT_should_refuse_invite_and_ack()
    {
        Assert.Throws<ArgumentException>(() => NonInviteClientTransaction.Start(Invite(), PeerUdp, Timers));
        Assert.Throws<ArgumentException>(() => NonInviteClientTransaction.Start(TransactionFixtures.Request(SipMethods.Ack), PeerUdp, Timers));
    }
}
