using CallCenter.Testing;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Transport;
using Xunit.Abstractions;
using static CallCenter.Sip.Tests.Transport.TransportTestKit;

namespace CallCenter.Sip.Tests.Transport;

public class TcpTransportSpec(ITestOutputHelper output)
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Tcp_message_split_over_several_writes_should_arrive_whole(string addressText)
    {
        var address = IPAddress.Parse(addressText);
        if (SkipWithoutLoopback(address, output))
        {
            return;
        }

        using var deadline = Deadline();
        await using var host = StartHost(address);
        using var phone = await ConnectAsync(host.Tcp(address.AddressFamily), deadline.Token);
        var text = Request("MESSAGE", "SIP/2.0/TCP 10.99.0.1:5070;branch=z9hG4bK1", "split", body: "split body");

        foreach (var part in new[] { text[..7], text[7..60], text[60..^4], text[^4..] })
        {
            await phone.WriteAsync(part, deadline.Token);
        }

        var received = await host.NextAsync(deadline.Token);
        Assert.Equal("split", received.Message.CallId);
        Assert.Equal("split body", received.Message.BodyText);
        Assert.Equal(new SipEndPoint(SipProtocol.Tcp, phone.LocalEnd()), received.Remote);
        Assert.Equal(address.ToString(), received.Message.TopVia!.Received);
    }

    [Fact]
    public async Task Tcp_two_messages_in_one_write_should_both_arrive_in_order()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback);
        using var phone = await ConnectAsync(host.Tcp(AddressFamily.InterNetwork), deadline.Token);

        await phone.WriteAsync(Request("OPTIONS", "SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK1", "one")
            + Request("MESSAGE", "SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK2", "two", body: "second"), deadline.Token);

        Assert.Equal("one", (await host.NextAsync(deadline.Token)).Message.CallId);
        Assert.Equal("second", (await host.NextAsync(deadline.Token)).Message.BodyText);
    }

    [Fact]
    public async Task Tcp_many_connections_at_once_should_each_deliver_every_message()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback);
        var endPoint = host.Tcp(AddressFamily.InterNetwork);

        var phones = await Task.WhenAll(Enumerable.Range(0, 20).Select(async p =>
        {
            var phone = await ConnectAsync(endPoint, deadline.Token);
            var burst = string.Concat(Enumerable.Range(0, 10).Select(m => Request("MESSAGE", $"SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK{p}x{m}", $"{p}:{m}", body: "hi")));
            await phone.WriteAsync(burst, deadline.Token);
            return phone;
        }));
        var received = new List<ReceivedMessage>();
        for (var i = 0; i < 200; i++)
        {
            received.Add(await host.NextAsync(deadline.Token));
        }

        // Per connection, in order; across connections, any interleaving.
        foreach (var group in received.GroupBy(r => r.Remote))
        {
            var callIds = group.Select(r => r.Message.CallId!).ToList();
            var prefix = callIds[0].Split(':')[0];
            Assert.Equal(Enumerable.Range(0, 10).Select(m => $"{prefix}:{m}"), callIds);
        }

        Assert.Equal(20, received.Select(r => r.Remote).Distinct().Count());
        Assert.Equal(20, host.OpenConnections);
        foreach (var phone in phones)
        {
            phone.Dispose();
        }
    }

    [Fact]
    public async Task Tcp_double_crlf_ping_should_get_a_single_crlf_pong()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback);
        using var phone = await ConnectAsync(host.Tcp(AddressFamily.InterNetwork), deadline.Token);

        await phone.WriteAsync("\r\n\r\n", deadline.Token);
        var pong = await phone.ReadExactlyAsync(2, deadline.Token);
        await phone.WriteAsync(Request("OPTIONS", "SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK1", "after-ping"), deadline.Token);
        var request = await host.NextAsync(deadline.Token);
        host.Send(SipResponse.For((SipRequest)request.Message, 200, toTag: "t"), request.Remote);

        Assert.Equal("\r\n", Encoding.ASCII.GetString(pong));
        // Exactly one pong: the next bytes on the wire are the response itself.
        Assert.Equal("SIP/2.0 200", Encoding.ASCII.GetString(await phone.ReadExactlyAsync(11, deadline.Token)));
        Assert.Equal(1, host.Counters.KeepAlives);
    }

    [Fact]
    public async Task Tcp_missing_content_length_should_be_answered_400_on_the_same_connection_which_stays_open()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback);
        using var phone = await ConnectAsync(host.Tcp(AddressFamily.InterNetwork), deadline.Token);

        await phone.WriteAsync(Request("OPTIONS", "SIP/2.0/TCP 10.99.0.1:5070;branch=z9hG4bK1", "no-length", withContentLength: false), deadline.Token);
        var answer = Assert.IsType<SipResponse>(await phone.ReadMessageAsync(deadline.Token));
        await phone.WriteAsync(Request("OPTIONS", "SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK2", "with-length"), deadline.Token);

        Assert.Equal(400, answer.StatusCode);
        Assert.Contains("Content-Length", answer.ReasonPhrase, StringComparison.Ordinal);
        Assert.Equal("no-length", answer.CallId);
        Assert.Equal("with-length", (await host.NextAsync(deadline.Token)).Message.CallId);
    }

    [Fact]
    public async Task Tcp_bad_content_length_should_close_only_that_connection()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback);
        var endPoint = host.Tcp(AddressFamily.InterNetwork);
        using var bad = await ConnectAsync(endPoint, deadline.Token);
        using var good = await ConnectAsync(endPoint, deadline.Token);
        await good.WriteAsync(Request("OPTIONS", "SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK1", "before"), deadline.Token);
        Assert.Equal("before", (await host.NextAsync(deadline.Token)).Message.CallId);

        await bad.WriteAsync(Request("OPTIONS", "SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK2", "broken")
            .Replace("Content-Length: 0", "Content-Length: many", StringComparison.Ordinal), deadline.Token);

        Assert.True(await bad.IsClosedByPeerAsync(deadline.Token));
        await good.WriteAsync(Request("OPTIONS", "SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK3", "after"), deadline.Token);
        Assert.Equal("after", (await host.NextAsync(deadline.Token)).Message.CallId);
        Assert.Equal(1, host.Counters.ParseErrors);
        await EventuallyAsync(() => host.OpenConnections == 1, deadline.Token, "the bad connection is forgotten");
    }

    [Fact]
    public async Task Tcp_peer_filling_the_buffer_without_a_message_should_lose_its_connection()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback, o => o with { ParserLimits = SipParserLimits.Default with { MaxMessageBytes = 2048 } });
        using var phone = await ConnectAsync(host.Tcp(AddressFamily.InterNetwork), deadline.Token);

        await phone.WriteAsync("OPTIONS sip:x@y SIP/2.0\r\n" + string.Concat(Enumerable.Repeat("X-Filler: aaaaaaaaaaaaaaaaaaaaaaaa\r\n", 100)), deadline.Token);

        Assert.True(await phone.IsClosedByPeerAsync(deadline.Token));
    }

    [Fact]
    public async Task Tcp_response_should_go_back_on_the_connection_the_request_came_on()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback);
        using var phone = await ConnectAsync(host.Tcp(AddressFamily.InterNetwork), deadline.Token);

        // The sent-by is a name nobody can resolve: only the open connection leads back.
        await phone.WriteAsync(Request("OPTIONS", "SIP/2.0/TCP phone.invalid:5070;branch=z9hG4bK1", "same-conn"), deadline.Token);
        var request = await host.NextAsync(deadline.Token);
        host.Send(SipResponse.For((SipRequest)request.Message, 200, toTag: "t"), request.Remote);
        var response = Assert.IsType<SipResponse>(await phone.ReadMessageAsync(deadline.Token));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("same-conn", response.CallId);
        Assert.Equal("127.0.0.1", response.TopVia!.Received);
        Assert.Equal(1, host.Counters.ConnectionsOpened);
    }

    [Fact]
    public async Task Tcp_messages_queued_before_disposal_should_all_arrive_and_then_the_connection_closes()
    {
        using var deadline = Deadline();
        var host = StartHost(IPAddress.Loopback);
        using var phone = await ConnectAsync(host.Tcp(AddressFamily.InterNetwork), deadline.Token);
        await phone.WriteAsync(Request("OPTIONS", "SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK1", "flow"), deadline.Token);
        var flow = (await host.NextAsync(deadline.Token)).Remote;
        var body = new string('m', 60_000);

        // 12 MB, more than the socket buffers hold while the phone is not reading: disposal has to wait for the queue.
        for (var i = 0; i < 200; i++)
        {
            host.Send(ParseRequest(Request("MESSAGE", "SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKm" + i, "m" + i, body)), flow);
        }

        var disposing = host.DisposeAsync().AsTask();
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal("m" + i, (await phone.ReadMessageAsync(deadline.Token)).CallId);
        }

        await disposing.WaitAsync(deadline.Token);
        Assert.True(await phone.IsClosedByPeerAsync(deadline.Token));
        Assert.Equal(0, host.OpenConnections);
        Assert.Equal(200, host.Counters.Sent);
    }

    [Fact]
    public async Task Tcp_response_should_connect_to_received_and_sent_by_port_when_the_request_connection_is_gone()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback);
        using var phoneListener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        phoneListener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        phoneListener.Listen();
        var sentByPort = phoneListener.LocalEnd().Port;

        ReceivedMessage request;
        using (var phone = await ConnectAsync(host.Tcp(AddressFamily.InterNetwork), deadline.Token))
        {
            await phone.WriteAsync(Request("OPTIONS", $"SIP/2.0/TCP 10.99.0.1:{sentByPort};branch=z9hG4bK1", "reconnect"), deadline.Token);
            request = await host.NextAsync(deadline.Token);
        }

        await EventuallyAsync(() => host.OpenConnections == 0, deadline.Token, "the host notices the closed connection");
        host.Send(SipResponse.For((SipRequest)request.Message, 200, toTag: "t"), request.Remote);
        using var back = await phoneListener.AcceptAsync(deadline.Token);
        var response = Assert.IsType<SipResponse>(await back.ReadMessageAsync(deadline.Token));

        Assert.Equal("reconnect", response.CallId);
        Assert.Equal(2, host.Counters.ConnectionsOpened);
    }

    [Fact]
    public async Task Tcp_request_should_open_one_connection_and_reuse_it_both_ways()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback);
        using var agentListener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        agentListener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        agentListener.Listen();
        var agent = new SipEndPoint(SipProtocol.Tcp, agentListener.LocalEnd());
        var via = $"SIP/2.0/TCP {host.Tcp(AddressFamily.InterNetwork)};branch=z9hG4bK";

        // Sent back to back, all while the connection is still being opened: they must keep their order.
        for (var i = 0; i < 20; i++)
        {
            host.Send(ParseRequest(Request(i == 0 ? "INVITE" : "MESSAGE", via + i, "out-" + i)), agent);
        }

        using var connection = await agentListener.AcceptAsync(deadline.Token);
        var arrived = new List<SipMessage>();
        for (var i = 0; i < 20; i++)
        {
            arrived.Add(await connection.ReadMessageAsync(deadline.Token));
        }

        var response = SipResponse.For((SipRequest)arrived[0], 180, toTag: "agent");
        await connection.SendAsync(Serialization.SipSerializer.Serialize(response), SocketFlags.None, deadline.Token);
        var back = await host.NextAsync(deadline.Token);

        Assert.Equal(Enumerable.Range(0, 20).Select(i => "out-" + i), arrived.Select(m => m.CallId!));
        Assert.Equal(180, Assert.IsType<SipResponse>(back.Message).StatusCode);
        Assert.Equal(agent, back.Remote);
        Assert.Equal(1, host.Counters.ConnectionsOpened);
        Assert.Equal(1, host.OpenConnections);
    }

    [Fact]
    public async Task Tcp_request_to_a_closed_port_should_count_a_send_failure()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback);
        IPEndPoint closed;
        using (var gone = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            gone.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            closed = gone.LocalEnd();
        }

        host.Send(ParseRequest(Request("OPTIONS", "SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK1", "nowhere")), new SipEndPoint(SipProtocol.Tcp, closed));

        await EventuallyAsync(() => host.Counters.SendFailures == 1, deadline.Token, "the failed connect is counted");
        Assert.Equal(0, host.OpenConnections);
    }

    [Fact]
    public async Task Tcp_idle_connection_should_close_after_the_idle_timeout_and_not_before()
    {
        using var deadline = Deadline();
        var time = new ManualTimeProvider();
        await using var host = StartHost(IPAddress.Loopback, o => o with { TimeProvider = time, TcpIdleTimeout = TimeSpan.FromMinutes(1) });
        using var phone = await ConnectAsync(host.Tcp(AddressFamily.InterNetwork), deadline.Token);
        await phone.WriteAsync(Request("OPTIONS", "SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK1", "first"), deadline.Token);
        await host.NextAsync(deadline.Token);

        time.Advance(TimeSpan.FromSeconds(50));
        await phone.WriteAsync(Request("OPTIONS", "SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK2", "still-open"), deadline.Token);
        Assert.Equal("still-open", (await host.NextAsync(deadline.Token)).Message.CallId);
        time.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(0, host.Counters.ConnectionsClosed);
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.True(await phone.IsClosedByPeerAsync(deadline.Token));
        await EventuallyAsync(() => host.OpenConnections == 0, deadline.Token, "the idle connection is forgotten");
        Assert.Equal(1, host.Counters.ConnectionsClosed);
    }

    [Fact]
    public async Task Tcp_connections_beyond_the_limit_should_be_refused_without_touching_the_others()
    {
        using var deadline = Deadline();
        await using var host = StartHost(IPAddress.Loopback, o => o with { MaxTcpConnections = 1 });
        var endPoint = host.Tcp(AddressFamily.InterNetwork);
        using var first = await ConnectAsync(endPoint, deadline.Token);
        await first.WriteAsync(Request("OPTIONS", "SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK1", "first"), deadline.Token);
        await host.NextAsync(deadline.Token);

        using var second = await ConnectAsync(endPoint, deadline.Token);

        Assert.True(await second.IsClosedByPeerAsync(deadline.Token));
        await first.WriteAsync(Request("OPTIONS", "SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK2", "first-again"), deadline.Token);
        Assert.Equal("first-again", (await host.NextAsync(deadline.Token)).Message.CallId);
        Assert.Equal(1, host.Counters.ConnectionsRejected);
    }
}
