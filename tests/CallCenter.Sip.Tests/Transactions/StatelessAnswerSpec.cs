using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using static CallCenter.Sip.Tests.Transactions.TransactionFixtures;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>RFC 3261 §8.2.7: requests the TU answers as a stateless UAS leave no transaction behind.</summary>
public class StatelessAnswerSpec
{
    private readonly RecordingSender _sender = new();
    private readonly RecordingUser _user = new();
    private readonly ManualTimerScheduler _scheduler = new();
    private readonly SipTransactionLayer _layer;

    public StatelessAnswerSpec()
    {
        _layer = new SipTransactionLayer(_sender, _user, _scheduler, Timers, Answer);
    }

    /// <summary>Like the gateway's: OPTIONS without a To tag get 200 with a tag derived from the request.</summary>
    private static SipResponse? Answer(SipRequest request) =>
        request.Method == SipMethods.Options && request.To?.Tag is null
            ? SipResponse.For(request, 200, toTag: SipTokens.StatelessTag(request))
            : null;

    private void Receive(SipMessage message, SipEndPoint? from = null) =>
        _layer.OnReceived(new ReceivedMessage(message, from ?? PeerUdp, from?.Protocol == SipProtocol.Tcp ? LocalTcp : LocalUdp));

    [Fact]
    public void Layer_should_answer_a_stateless_request_over_udp_without_a_transaction_timer_or_tu_call()
    {
        var options = Options(branch: "z9hG4bKopt1");

        Receive(options);

        var (message, destination) = Assert.Single(_sender.Sent);
        Assert.Equal(200, Assert.IsType<SipResponse>(message).StatusCode);
        Assert.Equal(PeerUdp, destination);
        Assert.Equal(0, _layer.Count);
        Assert.Equal(0, _scheduler.PendingCount);
        Assert.Empty(_user.Requests);
    }

    [Fact]
    public void Layer_should_answer_a_retransmission_again_with_the_same_to_tag()
    {
        var options = Options(branch: "z9hG4bKopt2");

        Receive(options);
        Receive(options);

        var answers = _sender.Responses;
        Assert.Equal(2, answers.Count);
        Assert.Equal(answers[0].To!.Tag, answers[1].To!.Tag);
        Assert.Equal(answers[0].ToString(), answers[1].ToString());
        Assert.Equal(0, _layer.Count);
    }

    [Fact]
    public void Layer_should_send_a_stateless_answer_where_a_transaction_would_rport_and_sent_by()
    {
        var withRport = Request(SipMethods.Options, "z9hG4bKopt3", sentBy: "10.0.0.5:5070", rport: true);
        var withoutRport = Request(SipMethods.Options, "z9hG4bKopt4", sentBy: "10.0.0.5:5070");

        Receive(withRport);
        Receive(withoutRport);

        Assert.Equal([PeerUdp, new SipEndPoint(SipProtocol.Udp, System.Net.IPEndPoint.Parse("10.0.0.5:5070"))], _sender.Sent.Select(s => s.Destination));
    }

    [Fact]
    public void Layer_should_keep_a_transaction_over_tcp_for_invites_and_when_the_tu_declines()
    {
        Receive(Options(branch: "z9hG4bKtcp", transport: "TCP"), PeerTcp);
        Receive(Invite(branch: "z9hG4bKinv"));
        Receive(Request(SipMethods.Info, "z9hG4bKinfo", toTag: "dialog"));

        Assert.Equal(3, _user.Requests.Count);
        Assert.Equal(3, _layer.Count);
        Assert.DoesNotContain(_sender.Responses, r => r.StatusCode == 200);
    }

    [Fact]
    public void Stateless_tags_should_be_the_same_for_a_retransmission_and_differ_between_requests()
    {
        var first = Request(SipMethods.Options, "z9hG4bKa");

        Assert.Equal(SipTokens.StatelessTag(first), SipTokens.StatelessTag(Request(SipMethods.Options, "z9hG4bKa")));
        Assert.NotEqual(SipTokens.StatelessTag(first), SipTokens.StatelessTag(Request(SipMethods.Options, "z9hG4bKb")));
        Assert.NotEqual(SipTokens.StatelessTag(first), SipTokens.StatelessTag(Request(SipMethods.Options, "z9hG4bKa", callId: "other@10.0.0.5")));
        Assert.NotEqual(SipTokens.StatelessTag(first), SipTokens.StatelessTag(Request(SipMethods.Options, "z9hG4bKa", cseq: 2)));
        Assert.Matches("^[0-9a-f]{16}$", SipTokens.StatelessTag(first));
    }
}
