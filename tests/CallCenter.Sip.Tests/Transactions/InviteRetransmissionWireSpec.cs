using System.Net;
using System.Text;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Tests.Transport;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>
/// An INVITE client transaction over a real UDP socket on virtual time. A UAS (SIPp among them) recognises a
/// retransmission by comparing bytes with what it already received (RFC 3261 §17.1.1.2: a retransmission is the same
/// request), so every copy on the wire must be byte-identical, and a provisional response must silence timer A.
/// </summary>
public sealed class InviteRetransmissionWireSpec : IAsyncLifetime
{
    private const string Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";

    private readonly ManualTimerScheduler _clock = new();
    private readonly RecordingUser _user = new();
    private SipTransportHost _host = null!;
    private SipTransactionLayer _layer = null!;
    private CountingSender _sends = null!;

    public Task InitializeAsync()
    {
        _host = TransportTestKit.StartHost(IPAddress.Loopback);
        _sends = new CountingSender(_host);
        _layer = new SipTransactionLayer(_sends, _user, _clock, SipTimers.Default);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Every_retransmission_of_an_invite_should_be_byte_identical_to_the_original()
    {
        using var deadline = TransportTestKit.Deadline();
        using var agent = TransportTestKit.UdpPeer(IPAddress.Loopback);
        var invite = NewInvite(agent.LocalEnd());

        _layer.SendRequest(invite.Request, new SipEndPoint(SipProtocol.Udp, agent.LocalEnd()));
        var original = await agent.ReceiveDatagramAsync(deadline.Token);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        var first = await agent.ReceiveDatagramAsync(deadline.Token);
        _clock.Advance(TimeSpan.FromMilliseconds(1000));
        var second = await agent.ReceiveDatagramAsync(deadline.Token);

        Assert.Equal(Encoding.UTF8.GetString(original), Encoding.UTF8.GetString(first));
        Assert.Equal(original, second);
    }

    [Fact]
    public async Task A_provisional_response_should_stop_the_retransmissions_for_good()
    {
        using var deadline = TransportTestKit.Deadline();
        using var agent = TransportTestKit.UdpPeer(IPAddress.Loopback);
        var invite = NewInvite(agent.LocalEnd());
        var key = _layer.SendRequest(invite.Request, new SipEndPoint(SipProtocol.Udp, agent.LocalEnd()));
        var received = await agent.ReceiveMessageAsync(deadline.Token);

        var ringing = SipResponse.For(Assert.IsType<SipRequest>(received), 180, toTag: "agent-tag");
        await agent.SendToAsync(Serialization.SipSerializer.Serialize(ringing), _host.Udp(agent.LocalEnd().AddressFamily), deadline.Token);
        _layer.OnReceived(await _host.NextAsync(deadline.Token));
        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(180, Assert.Single(_user.Responses).Response.StatusCode);
        Assert.True(_layer.TryGetTransaction(key, out var transaction));
        Assert.Equal(InviteClientState.Proceeding, Assert.IsType<InviteClientTransaction>(transaction).State);
        Assert.Equal(1, _sends.Count);
    }

    private OutgoingRequest NewInvite(IPEndPoint agent) => InitialInvite.Create(
        new NameAddress("customer", SipUri.Sip("customer", "127.0.0.1"), SipParameters.Empty),
        new NameAddress(SipUri.Sip("agent1", "127.0.0.1")),
        SipUri.Sip("callcenter", "127.0.0.1", _host.Udp(agent.AddressFamily).Port),
        new LocalSentBy("UDP", "127.0.0.1", _host.Udp(agent.AddressFamily).Port),
        Sdp,
        requestUri: SipUri.Sip("agent1", "127.0.0.1", agent.Port));

    /// <summary>Counts what the layer hands the transport: a UDP send is queued, so the socket cannot tell "none yet".</summary>
    private sealed class CountingSender(ISipMessageSender inner) : ISipMessageSender
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Send(SipMessage message, SipEndPoint destination)
        {
            Interlocked.Increment(ref _count);
            inner.Send(message, destination);
        }

        public void Send(EncodedSipMessage message, SipEndPoint destination)
        {
            Interlocked.Increment(ref _count);
            inner.Send(message, destination);
        }
    }
}
