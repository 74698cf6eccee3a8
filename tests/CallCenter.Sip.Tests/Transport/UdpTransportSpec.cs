using System.Net;
using System.Net.Sockets;
using System.Text;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Transport;
using Xunit.Abstractions;
using static CallCenter.Sip.Tests.Transport.TransportTestKit;

namespace CallCenter.Sip.Tests.Transport;

public class UdpTransportSpec(ITestOutputHelper output)
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Udp_request_should_arrive_with_received_and_rport_on_its_top_via(string addressText)
    {
        var address = IPAddress.Parse(addressText);
        if (SkipWithoutLoopback(address, output))
        {
            return;
        }

        using var deadline = Deadline();
        await using var host = StartHost(address);
        using var phone = UdpPeer(address);

        await phone.SendToAsync(Bytes(Request("OPTIONS", "SIP/2.0/UDP 192.0.2.10:5070;rport;branch=z9hG4bK1", "c1")),
            host.Udp(address.AddressFamily), deadline.Token);
        var received = await host.NextAsync(deadline.Token);

        Assert.Equal(new SipEndPoint(SipProtocol.Udp, phone.LocalEnd()), received.Remote);
        Assert.Equal(host.FindLocalEndPoint(SipProtocol.Udp, address.AddressFamily), received.Local);
        Assert.Equal(address.ToString(), received.Message.TopVia!.Received);
        Assert.Equal(phone.LocalEnd().Port, received.Message.TopVia.RPort);
        Assert.Equal(1, host.Counters.Received);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Udp_response_should_go_to_received_and_rport_not_to_the_sent_by(string addressText)
    {
        var address = IPAddress.Parse(addressText);
        if (SkipWithoutLoopback(address, output))
        {
            return;
        }

        using var deadline = Deadline();
        await using var host = StartHost(address);
        using var phone = UdpPeer(address);

        // The sent-by names a private address the host cannot reach: only received/rport lead back.
        await phone.SendToAsync(Bytes(Request("OPTIONS", "SIP/2.0/UDP 10.99.0.1:5070;rport;branch=z9hG4bK1", "c1")),
            host.Udp(address.AddressFamily), deadline.Token);
        var request = await host.NextAsync(deadline.Token);
        host.Send(SipResponse.For((SipRequest)request.Message, 200, toTag: "t1"), request.Remote);
        var response = Assert.IsType<SipResponse>(await phone.ReceiveMessageAsync(deadline.Token));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("c1", response.CallId);
        Assert.Equal(phone.LocalEnd().Port, response.TopVia!.RPort);
    }

    [Fact]
    public async Task Udp_request_should_go_to_the_given_destination_even_when_larger_than_the_mtu()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback);
        using var phone = UdpPeer(IPAddress.Loopback);
        var body = new string('x', 3000);
        var request = ParseRequest(Request("MESSAGE", "SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK7", "big", body));

        host.Send(request, new SipEndPoint(SipProtocol.Udp, phone.LocalEnd()));
        var arrived = Assert.IsType<SipRequest>(await phone.ReceiveMessageAsync(deadline.Token));

        Assert.Equal("big", arrived.CallId);
        Assert.Equal(body, arrived.BodyText);
        Assert.Equal(1, host.Counters.Sent);
    }

    [Fact]
    public async Task Udp_response_should_resolve_a_sent_by_host_name_when_no_received_was_recorded()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback);
        using var phone = UdpPeer(IPAddress.Loopback);
        var request = ParseRequest(Request("OPTIONS", $"SIP/2.0/UDP localhost:{phone.LocalEnd().Port};branch=z9hG4bK1", "by-name"));

        host.Send(SipResponse.For(request, 200, toTag: "t"), new SipEndPoint(SipProtocol.Udp, new IPEndPoint(IPAddress.Loopback, 9)));

        Assert.Equal("by-name", (await phone.ReceiveMessageAsync(deadline.Token)).CallId);
    }

    [Fact]
    public async Task Udp_message_sent_just_before_disposal_should_still_leave()
    {
        using var deadline = Deadline();
        var host = StartHost(IPAddress.Loopback);
        using var phone = UdpPeer(IPAddress.Loopback);

        host.Send(ParseRequest(Request("BYE", "SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1", "last-words")), new SipEndPoint(SipProtocol.Udp, phone.LocalEnd()));
        await host.DisposeAsync();

        Assert.Equal("last-words", (await phone.ReceiveMessageAsync(deadline.Token)).CallId);
    }

    [Fact]
    public async Task Udp_garbage_with_a_readable_via_should_be_answered_400_and_the_next_datagram_still_delivered()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback);
        using var phone = UdpPeer(IPAddress.Loopback);
        var target = host.Udp(AddressFamily.InterNetwork);
        var noMaxForwards = Request("OPTIONS", "SIP/2.0/UDP 10.99.0.1:5070;rport;branch=z9hG4bK1", "bad")
            .Replace("Max-Forwards: 70\r\n", "", StringComparison.Ordinal);

        await phone.SendToAsync(Bytes(noMaxForwards), target, deadline.Token);
        var answer = Assert.IsType<SipResponse>(await phone.ReceiveMessageAsync(deadline.Token));
        await phone.SendToAsync(Bytes(Request("OPTIONS", "SIP/2.0/UDP 10.99.0.1:5070;rport;branch=z9hG4bK2", "good")), target, deadline.Token);
        var good = await host.NextAsync(deadline.Token);

        Assert.Equal(400, answer.StatusCode);
        Assert.Contains("Max-Forwards", answer.ReasonPhrase, StringComparison.Ordinal);
        Assert.Equal("bad", answer.CallId);
        Assert.Equal("z9hG4bK1", answer.TopVia!.Branch);
        Assert.Equal("good", good.Message.CallId);
        Assert.Equal(1, host.Counters.ParseErrors);
        Assert.Equal(1, host.Counters.ErrorAnswers);
        Assert.Equal(1, host.Counters.Received);
    }

    [Fact]
    public async Task Udp_garbage_that_cannot_be_answered_should_be_dropped_and_the_next_datagram_still_delivered()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback);
        using var phone = UdpPeer(IPAddress.Loopback);
        var target = host.Udp(AddressFamily.InterNetwork);

        await phone.SendToAsync(new byte[] { 0x00, 0xff, 0x13, 0x37 }, target, deadline.Token);
        await phone.SendToAsync(Bytes("SIP/2.0 200 OK\r\nCall-ID: x\r\n\r\n"), target, deadline.Token);
        await phone.SendToAsync(Bytes("\r\n\r\n"), target, deadline.Token);
        await phone.SendToAsync(Bytes(Request("OPTIONS", "SIP/2.0/UDP 127.0.0.1;rport;branch=z9hG4bK2", "good")), target, deadline.Token);
        var good = await host.NextAsync(deadline.Token);
        host.Send(SipResponse.For((SipRequest)good.Message, 200, toTag: "t"), good.Remote);

        // Answers leave in order, so had the garbage been answered, that answer would arrive first.
        var first = Assert.IsType<SipResponse>(await phone.ReceiveMessageAsync(deadline.Token));
        Assert.Equal(200, first.StatusCode);
        Assert.Equal(2, host.Counters.ParseErrors);
        Assert.Equal(2, host.Counters.Dropped);
        Assert.Equal(1, host.Counters.KeepAlives);
        Assert.Equal(0, host.Counters.ErrorAnswers);
    }

    [Fact]
    public async Task Udp_receive_loop_should_deliver_every_good_datagram_among_200_garbage_ones()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var host = StartHost(IPAddress.Loopback);
        using var phone = UdpPeer(IPAddress.Loopback);
        var target = host.Udp(AddressFamily.InterNetwork);
        var random = new Random(3261);
        var delivered = new List<string>();

        for (var round = 0; round < 50; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                await phone.SendToAsync(Garbage(random), target, deadline.Token);
            }

            var callId = "good-" + round;
            await phone.SendToAsync(Bytes(Request("OPTIONS", $"SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK{round}", callId)), target, deadline.Token);
            delivered.Add((await host.NextAsync(deadline.Token)).Message.CallId!);
        }

        Assert.Equal(Enumerable.Range(0, 50).Select(i => "good-" + i), delivered);
        Assert.Equal(200, host.Counters.ParseErrors);
        Assert.Equal(50, host.Counters.Received);
    }

    [Fact]
    public async Task Udp_receive_loop_should_survive_an_icmp_port_unreachable()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback);
        using var phone = UdpPeer(IPAddress.Loopback);
        IPEndPoint closed;
        using (var gone = UdpPeer(IPAddress.Loopback))
        {
            closed = gone.LocalEnd();
        }

        var request = ParseRequest(Request("OPTIONS", "SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1", "probe"));
        host.Send(request, new SipEndPoint(SipProtocol.Udp, closed));
        host.Send(request, new SipEndPoint(SipProtocol.Udp, phone.LocalEnd()));
        await phone.ReceiveMessageAsync(deadline.Token);
        await phone.SendToAsync(Bytes(Request("OPTIONS", "SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK2", "after")), host.Udp(AddressFamily.InterNetwork), deadline.Token);

        Assert.Equal("after", (await host.NextAsync(deadline.Token)).Message.CallId);
    }

    [Fact]
    public async Task Host_should_bind_ephemeral_ports_and_complete_incoming_when_disposed()
    {
        var host = StartHost(IPAddress.Loopback);

        Assert.Equal(2, host.LocalEndPoints.Count);
        Assert.All(host.LocalEndPoints, e => Assert.NotEqual(0, e.Address.Port));
        await host.DisposeAsync();
        host.Send(ParseRequest(Request("OPTIONS", "SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1", "late")),
            new SipEndPoint(SipProtocol.Udp, new IPEndPoint(IPAddress.Loopback, 5060)));

        using var deadline = Deadline();
        await host.Incoming.Completion.WaitAsync(deadline.Token);
        Assert.Equal(1, host.Counters.SendFailures);
    }

    [Fact]
    public void Host_should_refuse_to_start_on_a_port_in_use_and_release_what_it_bound()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen();
        var options = new SipTransportOptions
        {
            Listen =
            [
                new SipEndPoint(SipProtocol.Udp, new IPEndPoint(IPAddress.Loopback, 0)),
                new SipEndPoint(SipProtocol.Tcp, taken.LocalEnd()),
            ],
        };

        Assert.Throws<SocketException>(() => SipTransportHost.Start(options));
    }

    [Fact]
    public async Task Observer_should_hear_of_garbage_and_one_that_throws_should_not_stop_the_loop()
    {
        using var deadline = Deadline();
        var observer = new ThrowingObserver();
        await using var host = StartHost(IPAddress.Loopback, o => o with { Observer = observer });
        using var phone = UdpPeer(IPAddress.Loopback);
        var target = host.Udp(AddressFamily.InterNetwork);

        await phone.SendToAsync(Bytes("NOT SIP AT ALL"), target, deadline.Token);
        await phone.SendToAsync(Bytes(Request("OPTIONS", "SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1", "heard")), target, deadline.Token);

        Assert.Equal("heard", (await host.NextAsync(deadline.Token)).Message.CallId);
        var notice = Assert.Single(observer.Notices);
        Assert.Equal(SipTransportNoticeKind.ParseError, notice.Kind);
        Assert.Equal(new SipEndPoint(SipProtocol.Udp, phone.LocalEnd()), notice.Remote);
    }

    private sealed class ThrowingObserver : ISipTransportObserver
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<SipTransportNotice> _notices = new();

        public IReadOnlyCollection<SipTransportNotice> Notices => _notices;

        public void OnNotice(SipTransportNotice notice)
        {
            _notices.Enqueue(notice);
            throw new InvalidOperationException("observer bug");
        }
    }

    private static byte[] Garbage(Random random)
    {
        switch (random.Next(3))
        {
            case 0:
                var bytes = new byte[random.Next(1, 300)];
                random.NextBytes(bytes);
                bytes[0] = (byte)'Z';
                return bytes;
            case 1:
                return Bytes("SIP/2.0 180 Ringing\r\nCall-ID: nope\r\n\r\n");
            default:
                return Encoding.ASCII.GetBytes("INVITE sip:x@y SIP/2.0\r\nVia: SIP/2.0/UDP ::::\r\n\r\n");
        }
    }
}
