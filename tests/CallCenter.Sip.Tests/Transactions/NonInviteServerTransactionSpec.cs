using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Transactions.TransactionFixtures;

namespace CallCenter.Sip.Tests.Transactions;

public class NonInviteServerTransactionSpec
{
    private static readonly SipRequest Bye = Request(SipMethods.Bye, branch: "z9hG4bKbye1", toTag: "uas-tag");

    private static MachineDriver Create(SipRequest? request = null, bool tcp = false)
    {
        request ??= Bye;
        Assert.True(TransactionKeys.TryForServer(request, out var key));
        return new MachineDriver(NonInviteServerTransaction.Create(key, request, tcp ? PeerTcp : PeerUdp, Timers));
    }

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void NIST_should_pass_the_request_up_and_absorb_retransmissions_silently_until_the_tu_answers()
    {
        var nist = Create();

        Assert.Empty(nist.Receive(Bye));
        Assert.Empty(nist.Receive(Bye));

        Assert.Same(Bye, Assert.Single(nist.PassedToTu()));
        Assert.Empty(nist.Sent());
    }

    [Fact]
    public void NIST_should_resend_the_last_provisional_on_a_retransmission()
    {
        var nist = Create();
        var trying = Response(Bye, 100);
        nist.Answer(trying);

        Assert.Equal([new TransactionAction.Send(trying, PeerUdp)], nist.Receive(Bye));
        Assert.Equal(NonInviteServerState.Proceeding, nist.As<NonInviteServerTransaction>().State);
    }

    [Fact]
    public void NIST_should_resend_the_final_response_until_timer_J_then_terminate()
    {
        var nist = Create();
        var ok = Response(Bye, 200);
        nist.Advance(S(1));

        nist.Answer(ok);
        nist.Advance(S(10));
        Wire.AssertResends(ok, PeerUdp, nist.Receive(Bye));
        nist.Advance(S(22));

        Assert.Equal([S(1), S(11)], nist.SendTimes(_ => true));
        Assert.Equal(S(33), nist.TerminatedAt);
        Assert.Empty(nist.Receive(Bye));
    }

    [Fact]
    public void NIST_should_discard_a_second_final_response()
    {
        var nist = Create();
        nist.Answer(Response(Bye, 200));

        Assert.Empty(nist.Answer(Response(Bye, 500)));
        Assert.False(nist.As<NonInviteServerTransaction>().AwaitsFinalResponse);
    }

    [Fact]
    public void NIST_over_tcp_should_end_as_soon_as_the_final_response_is_sent()
    {
        var nist = Create(Request(SipMethods.Bye, branch: "z9hG4bKbye1", transport: "TCP"), tcp: true);

        var actions = nist.Answer(Response(Bye, 200));

        Assert.Equal(TransactionAction.Terminated.Instance, actions[^1]);
        Assert.DoesNotContain(actions, a => a is TransactionAction.StartTimer);
    }

    [Fact]
    public void NIST_should_report_a_transport_error_and_terminate()
    {
        var nist = Create();
        nist.Answer(Response(Bye, 100));

        Assert.Equal(
            [TransactionAction.TransportErrorToTu.Instance, TransactionAction.Terminated.Instance],
            nist.Feed(TransactionInput.TransportError.Instance));
    }
}
