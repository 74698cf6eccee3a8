using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using static CallCenter.Sip.Tests.Transactions.TransactionFixtures;

namespace CallCenter.Sip.Tests.Transactions;

public class SipTransactionLayerSpec
{
    private readonly RecordingSender _sender = new();
    private readonly RecordingUser _user = new();
    private readonly ManualTimerScheduler _scheduler;
    private readonly SipTransactionLayer _layer;

    public SipTransactionLayerSpec()
        : this(new ManualTimerScheduler())
    {
    }

    private SipTransactionLayerSpec(ManualTimerScheduler scheduler)
    {
        _scheduler = scheduler;
        _layer = new SipTransactionLayer(_sender, _user, _scheduler, Timers);
    }

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private void Receive(SipMessage message, SipEndPoint? from = null) =>
        _layer.OnReceived(new ReceivedMessage(message, from ?? PeerUdp, from?.Protocol == SipProtocol.Tcp ? LocalTcp : LocalUdp));

    private IReadOnlyList<int> StatusesSent() => _sender.Responses.Select(r => r.StatusCode).ToList();

    [Fact]
    public void Layer_should_open_a_server_transaction_for_a_new_invite_and_absorb_its_retransmission()
    {
        var invite = Invite(branch: "z9hG4bKs1");

        Receive(invite);
        Receive(invite);

        var incoming = Assert.Single(_user.Requests);
        Assert.Same(invite, incoming.Request);
        Assert.Equal(new ServerTransactionKey("z9hG4bKs1", "10.0.0.5:5060", SipMethods.Invite), incoming.Transaction);
        Assert.Equal((PeerUdp, LocalUdp), (incoming.Remote, incoming.Local));
        Assert.Equal([100, 100], StatusesSent());
        Assert.All(_sender.Sent, s => Assert.Equal(PeerUdp, s.Destination));
        Assert.Equal(1, _layer.Count);
    }

    [Fact]
    public void Layer_should_send_the_tu_answer_and_resend_it_for_a_retransmitted_request()
    {
        var options = Options(branch: "z9hG4bKs2");
        Receive(options);
        var key = _user.Requests[0].Transaction!;

        Assert.True(_layer.SendResponse(key, Response(options, 200)));
        Receive(options);

        Assert.Equal([200, 200], StatusesSent());
        Assert.Single(_user.Requests);
    }

    [Fact]
    public void Layer_should_let_the_tu_answer_from_inside_its_callback()
    {
        _user.OnRequestReply = r => _layer.SendResponse(r.Transaction!, Response(r.Request, 404));

        Receive(Options(branch: "z9hG4bKs3"));

        Assert.Equal([404], StatusesSent());
        Assert.Single(_user.Requests);
    }

    [Fact]
    public void Layer_should_route_responses_to_client_transactions_by_branch_and_method()
    {
        var options = Options(branch: "z9hG4bKa");
        var invite = Invite(branch: "z9hG4bKb");
        var a = _layer.SendRequest(options, PeerUdp);
        var b = _layer.SendRequest(invite, PeerUdp);

        Receive(Response(invite, 180));
        Receive(Response(options, 200));
        Receive(Response(Options(branch: "z9hG4bKunknown"), 200));
        Receive(Response(CancelBuilder.ForInvite(invite), 200));

        Assert.Equal([(b, 180), (a, 200)], _user.Responses.Select(r => (r.Transaction, r.Response.StatusCode)));
        Assert.Equal([options, invite], _sender.Requests);
    }

    [Fact]
    public void Layer_should_forget_every_transaction_and_timer_once_they_end()
    {
        var serverInvite = Invite(branch: "z9hG4bKs1");
        Receive(serverInvite);
        var busy = Response(serverInvite, 486);
        _layer.SendResponse(_user.Requests[0].Transaction!, busy);
        Receive(AckFor(serverInvite, busy));
        var serverOptions = Options(branch: "z9hG4bKs2");
        Receive(serverOptions);
        _layer.SendResponse(_user.Requests[1].Transaction!, Response(serverOptions, 200));
        var clientInvite = Invite(branch: "z9hG4bKc1");
        _layer.SendRequest(clientInvite, PeerUdp);
        Receive(Response(clientInvite, 200));
        var clientOptions = Options(branch: "z9hG4bKc2");
        _layer.SendRequest(clientOptions, PeerUdp);
        Receive(Response(clientOptions, 200));
        Assert.Equal(4, _layer.Count);

        _scheduler.Advance(S(33));

        Assert.Equal(0, _layer.Count);
        Assert.Equal(0, _scheduler.PendingCount);
        Assert.Empty(_user.Timeouts);
    }

    [Fact]
    public void Layer_should_answer_a_cancel_with_200_and_the_pending_invite_with_487()
    {
        var invite = Invite(branch: "z9hG4bKs1");
        Receive(invite);
        var key = _user.Requests[0].Transaction!;
        _layer.SendResponse(key, Response(invite, 180, toTag: "callee"));
        var cancel = CancelBuilder.ForInvite(invite);

        Receive(cancel);

        Assert.Equal([100, 180, 200, 487], StatusesSent());
        var cancelOk = _sender.Responses[2];
        var terminated = _sender.Responses[3];
        Assert.Equal((SipMethods.Cancel, "callee"), (cancelOk.CSeq!.Value.Method, cancelOk.To!.Tag));
        Assert.Equal((SipMethods.Invite, "callee"), (terminated.CSeq!.Value.Method, terminated.To!.Tag));
        Assert.Equal((key, cancel), Assert.Single(_user.Cancelled));
        Assert.True(_layer.TryGetTransaction(key, out var ist));
        Assert.Equal(InviteServerState.Completed, Assert.IsType<InviteServerTransaction>(ist).State);
        Assert.False(_layer.SendResponse(key, Response(invite, 200)));
    }

    [Fact]
    public void Layer_should_absorb_the_ack_of_the_487_and_a_retransmitted_cancel_then_clean_up()
    {
        var invite = Invite(branch: "z9hG4bKs1");
        Receive(invite);
        var cancel = CancelBuilder.ForInvite(invite);
        Receive(cancel);
        var terminated = _sender.Responses.Single(r => r.StatusCode == 487);

        Receive(AckFor(invite, terminated));
        Receive(cancel);
        _scheduler.Advance(S(40));

        Assert.Equal([100, 200, 487, 200], StatusesSent());
        Assert.Single(_user.Requests);
        Assert.Single(_user.Cancelled);
        Assert.Empty(_user.Timeouts);
        Assert.Equal(0, _layer.Count);
        Assert.Equal(0, _scheduler.PendingCount);
    }

    [Fact]
    public void Layer_should_answer_481_to_a_cancel_that_matches_no_transaction()
    {
        Receive(CancelBuilder.ForInvite(Invite(branch: "z9hG4bKnobody")));

        var response = Assert.Single(_sender.Responses);
        Assert.Equal(481, response.StatusCode);
        Assert.Equal(SipMethods.Cancel, response.CSeq!.Value.Method);
        Assert.Empty(_user.Requests);
        Assert.Empty(_user.Cancelled);
    }

    [Fact]
    public void Layer_should_answer_200_but_send_no_487_for_a_cancel_after_the_final_response()
    {
        var invite = Invite(branch: "z9hG4bKs1");
        Receive(invite);
        _layer.SendResponse(_user.Requests[0].Transaction!, Response(invite, 200, toTag: "answered"));

        Receive(CancelBuilder.ForInvite(invite));

        Assert.Equal([100, 200, 200], StatusesSent());
        Assert.Equal("answered", _sender.Responses[2].To!.Tag);
        Assert.Empty(_user.Cancelled);
    }

    [Fact]
    public void Layer_should_answer_200_to_a_cancel_of_a_non_invite_request()
    {
        var options = Options(branch: "z9hG4bKs9");
        Receive(options);
        var cancel = Request(SipMethods.Cancel, branch: "z9hG4bKs9");

        Receive(cancel);

        Assert.Equal([200], StatusesSent());
        Assert.Empty(_user.Cancelled);
    }

    [Fact]
    public void Layer_should_pass_the_ack_for_a_2xx_to_the_tu_without_a_transaction()
    {
        var invite = Invite(branch: "z9hG4bKs1");
        Receive(invite);
        _layer.SendResponse(_user.Requests[0].Transaction!, Response(invite, 200, toTag: "answered"));
        var ack = Request(SipMethods.Ack, branch: "z9hG4bKnewbranch", toTag: "answered");

        Receive(ack);

        var passed = _user.Requests[1];
        Assert.Same(ack, passed.Request);
        Assert.True(passed.IsAck);
        Assert.Equal([100, 200], StatusesSent());
        Assert.Equal(1, _layer.Count);
    }

    [Fact]
    public void Layer_should_match_rfc_2543_requests_without_the_branch_cookie()
    {
        var invite = Request(SipMethods.Invite, branch: "old-1");
        Receive(invite);
        Receive(invite);
        var key = Assert.IsType<LegacyServerTransactionKey>(_user.Requests.Single().Transaction);
        var busy = Response(invite, 486, toTag: "ours");
        _layer.SendResponse(key, busy);
        _scheduler.Advance(S(1));

        Receive(AckFor(invite, busy));
        _scheduler.Advance(S(10));

        Assert.Equal([100, 100, 486, 486], StatusesSent());
        Assert.Single(_user.Requests);
        Assert.Equal(0, _layer.Count);
    }

    [Fact]
    public void Layer_should_treat_an_rfc_2543_ack_with_a_foreign_to_tag_as_a_dialog_ack()
    {
        var invite = Request(SipMethods.Invite, branch: "old-1");
        Receive(invite);
        _layer.SendResponse(_user.Requests[0].Transaction!, Response(invite, 486, toTag: "ours"));

        Receive(Request(SipMethods.Ack, branch: "old-1", toTag: "not-ours"));

        Assert.True(_user.Requests[1].IsAck);
        Assert.Equal(1, _layer.Count);
    }

    [Fact]
    public void Layer_should_send_a_cancel_only_after_a_provisional_response_and_route_its_answer()
    {
        var invite = Invite(branch: "z9hG4bKc1");
        var key = _layer.SendRequest(invite, PeerUdp);

        Assert.True(_layer.TryCancel(key));
        Assert.DoesNotContain(_sender.Requests, r => r.Method == SipMethods.Cancel);
        Receive(Response(invite, 180));
        var cancel = Assert.Single(_sender.Requests, r => r.Method == SipMethods.Cancel);
        Receive(Response(cancel, 200));
        Receive(Response(invite, 487));
        _scheduler.Advance(S(40));

        Assert.Equal("z9hG4bKc1", cancel.TopVia!.Branch);
        Assert.Equal(
            [(key, 180), (key.ForCancel(), 200), (key, 487)],
            _user.Responses.Select(r => (r.Transaction, r.Response.StatusCode)));
        Assert.Single(_sender.Requests, r => r.Method == SipMethods.Ack);
        Assert.Equal(0, _layer.Count);
        Assert.Equal(0, _scheduler.PendingCount);
    }

    [Fact]
    public void Layer_should_refuse_to_cancel_an_invite_that_has_its_final_response()
    {
        var invite = Invite(branch: "z9hG4bKc1");
        var key = _layer.SendRequest(invite, PeerUdp);
        Receive(Response(invite, 486));

        Assert.False(_layer.TryCancel(key));
        Assert.False(_layer.TryCancel(new ClientTransactionKey("z9hG4bKnone", SipMethods.Invite)));
    }

    [Fact]
    public void Layer_should_report_timer_F_when_a_request_gets_no_answer()
    {
        var key = _layer.SendRequest(Options(branch: "z9hG4bKc2"), PeerUdp);

        _scheduler.Advance(S(32));

        Assert.Equal((key, TransactionTimer.F), Assert.Single(_user.Timeouts));
        Assert.Equal(11, _sender.Requests.Count);
        Assert.Equal(0, _layer.Count);
        Assert.Equal(0, _scheduler.PendingCount);
    }

    [Fact]
    public void Layer_should_report_timer_H_when_the_ack_never_comes()
    {
        var invite = Invite(branch: "z9hG4bKs1");
        Receive(invite);
        var key = _user.Requests[0].Transaction!;
        _layer.SendResponse(key, Response(invite, 603));

        _scheduler.Advance(S(32));

        Assert.Equal((key, TransactionTimer.H), Assert.Single(_user.Timeouts));
        Assert.Equal(0, _layer.Count);
    }

    [Fact]
    public void Layer_should_refuse_a_second_final_response_and_unknown_transactions()
    {
        var options = Options(branch: "z9hG4bKs2");
        Receive(options);
        var key = _user.Requests[0].Transaction!;

        Assert.True(_layer.SendResponse(key, Response(options, 200)));
        Assert.False(_layer.SendResponse(key, Response(options, 500)));
        Assert.False(_layer.SendResponse(new ServerTransactionKey("z9hG4bKgone", "x", SipMethods.Bye), Response(options, 200)));
        Assert.Equal([200], StatusesSent());
    }

    [Fact]
    public void Layer_should_reject_an_ack_as_a_transaction_and_a_reused_branch()
    {
        _layer.SendRequest(Options(branch: "z9hG4bKdup"), PeerUdp);

        Assert.Throws<ArgumentException>(() => _layer.SendRequest(Request(SipMethods.Ack, branch: "z9hG4bKack"), PeerUdp));
        Assert.Throws<InvalidOperationException>(() => _layer.SendRequest(Options(branch: "z9hG4bKdup"), PeerUdp));
        Assert.Equal(1, _layer.Count);
        Assert.Single(_sender.Requests);
    }

    [Fact]
    public void Layer_should_send_an_ack_for_a_2xx_without_a_transaction()
    {
        var ack = Request(SipMethods.Ack, branch: "z9hG4bKack", toTag: "answered");

        _layer.SendAck(ack, PeerUdp);

        Assert.Equal((ack, PeerUdp), Assert.Single(_sender.Sent));
        Assert.Equal(0, _layer.Count);
        Assert.Throws<ArgumentException>(() => _layer.SendAck(Options(), PeerUdp));
    }

    [Fact]
    public void Layer_over_tcp_should_answer_on_the_connection_and_schedule_no_retransmissions()
    {
        var invite = Invite(branch: "z9hG4bKs1", transport: "TCP");
        Receive(invite, PeerTcp);
        var busy = Response(invite, 486);
        var key = _user.Requests[0].Transaction!;

        _layer.SendResponse(key, busy);

        Assert.Equal([new TransactionTimerKey(key, TransactionTimer.H)], _scheduler.Pending);
        Receive(AckFor(invite, busy), PeerTcp);
        Assert.All(_sender.Sent, s => Assert.Equal(PeerTcp, s.Destination));
        Assert.Equal(0, _layer.Count);
        Assert.Equal(0, _scheduler.PendingCount);
    }

    [Fact]
    public void Layer_should_report_a_transport_error_and_drop_the_transaction()
    {
        var key = _layer.SendRequest(Options(branch: "z9hG4bKc3"), PeerUdp);

        _layer.OnTransportError(key);

        Assert.Equal([key], _user.TransportErrors);
        Assert.Equal(0, _layer.Count);
        Assert.Equal(0, _scheduler.PendingCount);
    }

    [Fact]
    public void Layer_should_ignore_a_timer_that_fires_after_it_was_stopped()
    {
        var leaky = new SipTransactionLayerSpec(new ManualTimerScheduler { IgnoreCancel = true });
        var invite = Invite(branch: "z9hG4bKc1");
        leaky._layer.SendRequest(invite, PeerUdp);
        leaky._scheduler.Advance(S(0.2));

        leaky.Receive(Response(invite, 180));
        leaky._scheduler.Advance(S(60));

        Assert.Single(leaky._sender.Requests);
        Assert.Empty(leaky._user.Timeouts);
        Assert.Equal(1, leaky._layer.Count);
    }

    [Fact]
    public void Layer_should_stay_consistent_when_called_from_many_threads()
    {
        _user.OnRequestReply = r => _layer.SendResponse(r.Transaction!, Response(r.Request, 200));
        var requests = Enumerable.Range(0, 200).Select(i => Options(branch: $"z9hG4bKpar{i}")).ToArray();

        Parallel.For(0, requests.Length * 2, i => Receive(requests[i % requests.Length]));

        Assert.Equal(200, _user.Requests.Count);
        Assert.Equal(200, _user.Requests.Select(r => r.Transaction).Distinct().Count());
        Assert.Equal(200, _layer.Count);
        Assert.Equal(200, _sender.Responses.Select(r => r.TopVia!.Branch).Distinct().Count());
        _scheduler.Advance(S(33));
        Assert.Equal(0, _layer.Count);
        Assert.Equal(0, _scheduler.PendingCount);
    }
}
