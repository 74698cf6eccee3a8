using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Akka.Actor;
using Akka.TestKit;
using CallCenter.Actors.Gateway;
using CallCenter.Actors.Gateway.Registrar;
using CallCenter.Actors.Signalling;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Calls;
using CallCenter.Media.Relay;
using CallCenter.Sip.Auth;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Transport;
using Xunit.Abstractions;

namespace CallCenter.Actors.Tests.Gateway;

/// <summary>The gateway on a real UDP socket on loopback, spoken to by a plain UDP client; agents and calls are probes.</summary>
public sealed partial class SipGatewayActorSpec : ActorSpec, IAsyncLifetime
{
    private readonly TestProbe _agents;
    private readonly TestProbe _calls;
    private readonly UdpClient _phone = new(new IPEndPoint(IPAddress.Loopback, 0));
    private IActorRef _gateway = ActorRefs.Nobody;
    private IPEndPoint _gatewayAddress = new(IPAddress.Loopback, 0);

    public SipGatewayActorSpec(ITestOutputHelper output)
        : base(output)
    {
        _agents = CreateTestProbe("agents");
        _calls = CreateTestProbe("calls");
    }

    private int PhonePort => ((IPEndPoint)_phone.Client.LocalEndPoint!).Port;

    public async Task InitializeAsync()
    {
        var settings = new SipGatewaySettings
        {
            Transport = new SipTransportOptions { Listen = [new SipEndPoint(SipProtocol.Udp, new IPEndPoint(IPAddress.Loopback, 0))] },
            Domain = "cc.example",
            AdvertisedAddress = IPAddress.Loopback,
            Queues = [new QueueId("support"), RingingQueue],
            AnswerDelays = ImmutableDictionary<QueueId, TimeSpan>.Empty.Add(RingingQueue, TimeSpan.FromMinutes(2)),
            MaxPendingCalls = MaxPendingCalls,
            Registrar = new RegistrarSettings { Credentials = InMemoryDigestCredentialStore.FromPasswords("cc.example", [("alice", "secret")]) },
            Media = new MediaRelayFactory(new PortAllocator(42000, 42999), new MediaRelayOptions { BindAddress = IPAddress.Loopback }, TimeProvider.System),
        };
        var (agents, calls) = (_agents.Ref, _calls.Ref);
        _gateway = Sys.ActorOf(SipGatewayActor.Props(settings, () => agents, () => calls), "sip");
        var listening = await _gateway.Ask<SipGatewayQueries.Listening>(SipGatewayQueries.GetListeners.Instance, TimeSpan.FromSeconds(5));
        _gatewayAddress = listening.EndPoints.Single().Address;
    }

    public Task DisposeAsync()
    {
        _phone.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Gateway_should_answer_options_with_200_and_what_it_allows()
    {
        var response = await Exchange(Request("OPTIONS", "sip:cc.example"));

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("REGISTER", response.Allow);
        Assert.Contains("INVITE", response.Allow);
    }

    [Fact]
    public async Task Gateway_should_answer_out_of_dialog_options_over_udp_statelessly_and_a_retransmission_alike()
    {
        var options = Request("OPTIONS", "sip:cc.example");

        var first = await Exchange(options);
        var again = await Exchange(options);

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(first.ToString(), again.ToString());
        var status = await _gateway.Ask<SipGatewayQueries.Listening>(SipGatewayQueries.GetListeners.Instance, TimeSpan.FromSeconds(5));
        Assert.Equal(0, status.Transactions);
    }

    [Fact]
    public async Task Gateway_should_answer_405_with_allow_to_a_method_it_does_not_serve()
    {
        var response = await Exchange(Request("MESSAGE", "sip:alice@cc.example"));

        Assert.Equal(405, response.StatusCode);
        Assert.Contains("BYE", response.Allow);
    }

    [Fact]
    public async Task Gateway_should_answer_404_to_a_call_for_a_queue_it_does_not_have()
    {
        var response = await ExchangeFinal(Request("INVITE", "sip:sales@cc.example"));

        Assert.Equal(404, response.StatusCode);
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Theory]
    [InlineData("BYE")]
    [InlineData("OPTIONS")]
    public async Task Gateway_should_answer_481_to_a_request_in_a_dialog_it_does_not_know(string method)
    {
        var response = await Exchange(Request(method, "sip:callcenter@cc.example", toTag: "nobody"));

        Assert.Equal(481, response.StatusCode);
    }

    [Fact]
    public async Task Gateway_should_challenge_a_register_through_its_registrar()
    {
        var response = await Exchange(Request("REGISTER", "sip:cc.example", to: "<sip:alice@cc.example>",
            extra: $"Contact: <sip:alice@127.0.0.1:{PhonePort}>\nExpires: 600\n"));

        Assert.Equal(401, response.StatusCode);
        Assert.Equal(2, response.Headers.CountOf(SipHeaderNames.WwwAuthenticate));
    }

    [Fact]
    public async Task Gateway_should_start_a_call_for_an_invite_to_a_queue_after_100_trying()
    {
        var sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

        var trying = await Exchange(Request("INVITE", "sip:support@cc.example", body: sdp));
        var receive = await _calls.ExpectMsgAsync<CallCommands.Receive>();

        Assert.Equal(100, trying.StatusCode);
        Assert.Equal(new QueueId("support"), receive.QueueId);
        Assert.Contains("sip:caller@127.0.0.1", receive.From, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_should_keep_answering_after_garbage_and_truncated_messages()
    {
        for (var i = 0; i < 50; i++)
        {
            await _phone.SendAsync(Encoding.UTF8.GetBytes($"garbage {i} \0\x01\x02"), _gatewayAddress);
            await _phone.SendAsync(Encoding.UTF8.GetBytes("INVITE sip:support@cc.example SIP/2.0\r\nVia: SIP/2.0/UDP"), _gatewayAddress);
        }

        var response = await Exchange(Request("OPTIONS", "sip:cc.example"));

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Draining_gateway_should_refuse_new_calls_and_registrations_with_503_and_still_serve_the_rest()
    {
        await _gateway.Ask<SipGatewayDrain.Draining>(new SipGatewayDrain.StartDraining(TimeSpan.FromSeconds(30)), TimeSpan.FromSeconds(5));

        var invite = await ExchangeFinal(Request("INVITE", "sip:support@cc.example", body: Sdp));
        var register = await Exchange(Request("REGISTER", "sip:cc.example", to: "<sip:alice@cc.example>",
            extra: $"Contact: <sip:alice@127.0.0.1:{PhonePort}>\nExpires: 600\n"));
        var options = await Exchange(Request("OPTIONS", "sip:cc.example"));
        var inDialog = await Exchange(Request("BYE", "sip:callcenter@cc.example", toTag: "nobody"));

        Assert.Equal(503, invite.StatusCode);
        Assert.Equal("30", invite.Headers.First(SipHeaderNames.RetryAfter));
        Assert.Equal(503, register.StatusCode);
        Assert.Equal("30", register.Headers.First(SipHeaderNames.RetryAfter));
        Assert.Equal(200, options.StatusCode);
        // In-dialog requests are still routed by dialog, not refused: this one names no dialog of ours.
        Assert.Equal(481, inDialog.StatusCode);
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        await _agents.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Draining_gateway_should_keep_routing_requests_of_a_call_it_already_has()
    {
        var request = Request("INVITE", "sip:support@cc.example", body: Sdp);
        await Exchange(request);
        await _calls.ExpectMsgAsync<CallCommands.Receive>();
        await _gateway.Ask<SipGatewayDrain.Draining>(new SipGatewayDrain.StartDraining(TimeSpan.FromSeconds(30)), TimeSpan.FromSeconds(5));

        // The caller gives up: its CANCEL and the call's end reach the call's legs, which tell the call.
        var cancel = request.Replace("INVITE sip:", "CANCEL sip:", StringComparison.Ordinal)
            .Replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL", StringComparison.Ordinal);
        cancel = cancel[..cancel.IndexOf("Content-Type:", StringComparison.Ordinal)] + "Content-Length: 0\r\n\r\n";
        await _phone.SendAsync(Encoding.UTF8.GetBytes(cancel), _gatewayAddress);

        await _calls.ExpectMsgAsync<SignallingEvents.CustomerHungUp>(TimeSpan.FromSeconds(5));
    }

    private const string Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    private string Request(string method, string uri, string? toTag = null, string? to = null, string extra = "", string body = "")
    {
        var branch = "z9hG4bK-" + Guid.NewGuid().ToString("N");
        var toHeader = (to ?? $"<{uri}>") + (toTag is null ? "" : $";tag={toTag}");
        var contentType = body.Length > 0 ? "Content-Type: application/sdp\r\n" : "";
        return $"{method} {uri} SIP/2.0\r\n"
            + $"Via: SIP/2.0/UDP 127.0.0.1:{PhonePort};branch={branch};rport\r\n"
            + "Max-Forwards: 70\r\n"
            + $"From: <sip:caller@127.0.0.1:{PhonePort}>;tag=caller\r\n"
            + $"To: {toHeader}\r\n"
            + $"Call-ID: {Guid.NewGuid():N}@127.0.0.1\r\n"
            + $"CSeq: 1 {method}\r\n"
            + $"Contact: <sip:caller@127.0.0.1:{PhonePort}>\r\n"
            + extra.ReplaceLineEndings("\r\n")
            + contentType
            + $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n"
            + body;
    }

    private async Task<SipResponse> Exchange(string request)
    {
        await _phone.SendAsync(Encoding.UTF8.GetBytes(request), _gatewayAddress);
        return await NextResponse();
    }

    /// <summary>The first final response (skipping 100 Trying).</summary>
    private async Task<SipResponse> ExchangeFinal(string request)
    {
        var response = await Exchange(request);
        while (response.StatusCode < 200)
        {
            response = await NextResponse();
        }

        return response;
    }

    private async Task<SipResponse> NextResponse()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var datagram = await _phone.ReceiveAsync(timeout.Token);
        Assert.True(SipParser.TryParse(datagram.Buffer, out var message, out var error), error?.ToString());
        return Assert.IsType<SipResponse>(message);
    }
}
