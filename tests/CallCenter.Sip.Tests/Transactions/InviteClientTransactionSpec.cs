using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Transactions.TransactionFixtures;

namespace CallCenter.Sip.Tests.Transactions;

public class InviteClientTransactionSpec
{
    private static readonly SipRequest InviteRequest = Invite(routes: ["<sip:proxy.example;lr>"]);

    private static MachineDriver Start(SipRequest? invite = null, bool tcp = false) =>
        new(InviteClientTransaction.Start(invite ?? (tcp ? Invite(transport: "TCP") : InviteRequest), tcp ? PeerTcp : PeerUdp, Timers));

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void ICT_should_retransmit_the_invite_with_timer_A_doubling_until_timer_B_times_out()
    {
        var ict = Start();

        ict.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal([Ms(0), Ms(500), Ms(1500), Ms(3500), Ms(7500), Ms(15500), Ms(31500)], ict.SendTimes(m => m is SipRequest { Method: "INVITE" }));
        Assert.Equal(new TransactionAction.TimeoutToTu(TransactionTimer.B), Assert.Single(ict.ToTu()));
        Assert.Equal(TimeSpan.FromSeconds(32), ict.TerminatedAt);
    }

    [Fact]
    public void ICT_should_stop_retransmitting_and_timer_B_after_a_provisional_response()
    {
        var ict = Start();
        ict.Advance(Ms(700));

        ict.Receive(Response(InviteRequest, 180));
        ict.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal([Ms(0), Ms(500)], ict.SendTimes(_ => true));
        Assert.Equal(180, Assert.IsType<SipResponse>(Assert.Single(ict.PassedToTu())).StatusCode);
        Assert.Equal(InviteClientState.Proceeding, ict.As<InviteClientTransaction>().State);
        Assert.True(ict.As<InviteClientTransaction>().CanCancel);
        Assert.Empty(ict.Armed);
    }

    [Fact]
    public void ICT_should_pass_every_provisional_response_up()
    {
        var ict = Start();

        ict.Receive(Response(InviteRequest, 100));
        ict.Receive(Response(InviteRequest, 180));
        ict.Receive(Response(InviteRequest, 180));

        Assert.Equal([100, 180, 180], ict.PassedToTu().Cast<SipResponse>().Select(r => r.StatusCode));
    }

    [Theory]
    [InlineData(302)]
    [InlineData(404)]
    [InlineData(486)]
    [InlineData(503)]
    [InlineData(603)]
    public void ICT_should_ack_a_non_2xx_final_on_the_same_branch_and_pass_it_up_once(int status)
    {
        var ict = Start();
        ict.Receive(Response(InviteRequest, 180));
        var failure = Response(InviteRequest, status, toTag: "busy-tag");

        ict.Receive(failure);
        ict.Receive(failure);
        ict.Receive(failure);

        var acks = ict.Sent().OfType<SipRequest>().Where(r => r.Method == SipMethods.Ack).ToList();
        Assert.Equal(3, acks.Count);
        var ack = acks[0];
        Assert.Equal(InviteRequest.TopVia, Assert.Single(ack.Vias));
        Assert.Equal(InviteRequest.RequestUri, ack.RequestUri);
        Assert.Equal("busy-tag", ack.To!.Tag);
        Assert.Equal(InviteRequest.From, ack.From);
        Assert.Equal(InviteRequest.CallId, ack.CallId);
        Assert.Equal(new CSeq(InviteRequest.CSeq!.Value.Number, SipMethods.Ack), ack.CSeq);
        Assert.Equal(InviteRequest.Routes, ack.Routes);
        Assert.Equal([180, status], ict.PassedToTu().Cast<SipResponse>().Select(r => r.StatusCode));
        Assert.Equal(InviteClientState.Completed, ict.As<InviteClientTransaction>().State);
    }

    [Fact]
    public void ICT_should_absorb_late_failure_retransmissions_for_timer_D_then_terminate()
    {
        var ict = Start();
        ict.Advance(TimeSpan.FromSeconds(1));
        ict.Receive(Response(InviteRequest, 486));

        ict.Advance(TimeSpan.FromSeconds(31));
        Assert.False(ict.IsTerminated);
        ict.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(33), ict.TerminatedAt);
        Assert.Empty(ict.Receive(Response(InviteRequest, 486)));
    }

    [Fact]
    public void ICT_over_tcp_should_never_retransmit_and_end_right_after_acking_a_failure()
    {
        var invite = Invite(transport: "TCP");
        var ict = Start(invite, tcp: true);

        ict.Advance(TimeSpan.FromSeconds(20));
        ict.Receive(Response(invite, 404));

        Assert.Equal(2, ict.Sent().Count);
        Assert.Equal(SipMethods.Ack, Assert.IsType<SipRequest>(ict.Sent()[1]).Method);
        Assert.Equal(TimeSpan.FromSeconds(20), ict.TerminatedAt);
        Assert.DoesNotContain(ict.Log, e => e.Action is TransactionAction.StartTimer { Timer: TransactionTimer.A or TransactionTimer.D });
    }

    [Fact]
    public void ICT_over_tcp_should_still_time_out_with_timer_B()
    {
        var ict = Start(tcp: true);

        ict.Advance(TimeSpan.FromSeconds(32));

        Assert.Single(ict.Sent());
        Assert.Equal(new TransactionAction.TimeoutToTu(TransactionTimer.B), Assert.Single(ict.ToTu()));
    }

    [Fact]
    public void ICT_should_pass_every_2xx_up_while_accepted_and_never_ack_it_itself()
    {
        var ict = Start();
        ict.Receive(Response(InviteRequest, 180));

        ict.Receive(Response(InviteRequest, 200, toTag: "leg-1"));
        ict.Receive(Response(InviteRequest, 200, toTag: "leg-1"));
        ict.Receive(Response(InviteRequest, 200, toTag: "forked-leg-2"));
        ict.Receive(Response(InviteRequest, 486));

        Assert.Equal(InviteClientState.Accepted, ict.As<InviteClientTransaction>().State);
        Assert.Equal([180, 200, 200, 200], ict.PassedToTu().Cast<SipResponse>().Select(r => r.StatusCode));
        Assert.Single(ict.Sent());
    }

    [Fact]
    public void ICT_should_leave_the_accepted_state_when_timer_M_fires()
    {
        var ict = Start();
        ict.Advance(TimeSpan.FromSeconds(2));
        ict.Receive(Response(InviteRequest, 200));

        ict.Advance(TimeSpan.FromSeconds(31.9));
        Assert.False(ict.IsTerminated);
        ict.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(TimeSpan.FromSeconds(34), ict.TerminatedAt);
        Assert.Empty(ict.Receive(Response(InviteRequest, 200)));
    }

    [Fact]
    public void ICT_should_hold_a_cancel_until_the_first_provisional_response()
    {
        var ict = Start();

        Assert.Empty(ict.Feed(TransactionInput.CancelFromTu.Instance));
        Assert.True(ict.As<InviteClientTransaction>().CancelPending);
        Assert.False(ict.As<InviteClientTransaction>().CanCancel);
        var actions = ict.Receive(Response(InviteRequest, 100));

        var start = Assert.Single(actions.OfType<TransactionAction.StartCancel>());
        Assert.Equal(PeerUdp, start.Destination);
        Assert.Equal(CancelBuilder.ForInvite(InviteRequest), start.Cancel);
        Assert.Contains(new TransactionAction.StartTimer(TransactionTimer.B, Timers.B), actions);
        Assert.True(ict.As<InviteClientTransaction>().CancelSent);
    }

    [Fact]
    public void ICT_should_give_up_a_cancelled_invite_when_no_final_response_arrives_within_64_T1()
    {
        var ict = Start();
        ict.Receive(Response(InviteRequest, 180));
        ict.Advance(TimeSpan.FromSeconds(10));

        ict.Feed(TransactionInput.CancelFromTu.Instance);
        ict.Advance(TimeSpan.FromSeconds(32));

        Assert.Equal(new TransactionAction.TimeoutToTu(TransactionTimer.B), ict.ToTu()[^1]);
        Assert.Equal(TimeSpan.FromSeconds(42), ict.TerminatedAt);
    }

    [Fact]
    public void ICT_should_ack_the_487_that_answers_its_cancel_and_stop_the_guard_timer()
    {
        var ict = Start();
        ict.Receive(Response(InviteRequest, 180));
        ict.Feed(TransactionInput.CancelFromTu.Instance);

        var actions = ict.Receive(Response(InviteRequest, 487));

        Assert.Contains(new TransactionAction.StopTimer(TransactionTimer.B), actions);
        Assert.Contains(actions, a => a is TransactionAction.Send { Message: SipRequest { Method: SipMethods.Ack } });
        Assert.Equal(InviteClientState.Completed, ict.As<InviteClientTransaction>().State);
    }

    [Fact]
    public void ICT_should_ignore_a_cancel_after_the_final_response()
    {
        var ict = Start();
        ict.Receive(Response(InviteRequest, 486));

        Assert.Empty(ict.Feed(TransactionInput.CancelFromTu.Instance));
        Assert.False(ict.As<InviteClientTransaction>().CanCancel);
    }

    [Fact]
    public void ICT_should_report_a_transport_error_and_terminate()
    {
        var ict = Start();

        var actions = ict.Feed(TransactionInput.TransportError.Instance);

        Assert.Equal([TransactionAction.TransportErrorToTu.Instance, TransactionAction.Terminated.Instance], actions);
    }

    [Fact]
    public void ICT_should_ignore_timers_that_do_not_belong_to_its_state()
    {
        var ict = Start();
        ict.Receive(Response(InviteRequest, 180));

        foreach (var timer in Enum.GetValues<TransactionTimer>())
        {
            Assert.Empty(ict.Feed(new TransactionInput.TimerFired(timer)));
        }
    }

    [Fact]
    public void ICT_should_refuse_an_invite_without_an_rfc3261_branch()
    {
        Assert.Throws<ArgumentException>(() => InviteClientTransaction.Start(Invite(branch: "old-style-1"), PeerUdp, Timers));
        Assert.Throws<ArgumentException>(() => InviteClientTransaction.Start(Options(), PeerUdp, Timers));
    }
}
