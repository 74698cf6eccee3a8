using System.Net;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Transport;
using static CallCenter.Sip.Tests.Transport.TransportTestKit;

namespace CallCenter.Sip.Tests.Transport;

public class InboundProcessorSpec
{
    private static readonly SipEndPoint Remote = new(SipProtocol.Udp, new IPEndPoint(IPAddress.Parse("203.0.113.7"), 40123));
    private static readonly SipEndPoint Local = new(SipProtocol.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.1"), 5060));
    private static readonly SipEndPoint TcpRemote = Remote with { Protocol = SipProtocol.Tcp };

    [Fact]
    public void Processor_should_deliver_a_request_with_its_top_via_stamped()
    {
        var outcome = Process(Request("OPTIONS", "SIP/2.0/UDP 10.0.0.5:5060;rport;branch=z9hG4bK1", "c1"), Remote);

        Assert.Equal(InboundAction.Deliver, outcome.Action);
        var received = outcome.Message!;
        Assert.Equal(Remote, received.Remote);
        Assert.Equal(Local, received.Local);
        Assert.Equal("203.0.113.7", received.Message.TopVia!.Received);
        Assert.Equal(40123, received.Message.TopVia.RPort);
    }

    [Fact]
    public void Processor_should_deliver_a_response_unchanged()
    {
        var text = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK9\r\nTo: <sip:b@x>;tag=2\r\n"
            + "From: <sip:a@x>;tag=1\r\nCall-ID: c9\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";

        var outcome = Process(text, Remote);

        Assert.Equal(InboundAction.Deliver, outcome.Action);
        var response = Assert.IsType<SipResponse>(outcome.Message!.Message);
        Assert.Null(response.TopVia!.Received);
    }

    [Fact]
    public void Processor_should_answer_400_with_the_parse_reason_when_the_request_is_routable()
    {
        var text = Request("OPTIONS", "SIP/2.0/UDP 10.0.0.5:5060;rport;branch=z9hG4bK1", "c1")
            .Replace("Max-Forwards: 70\r\n", "", StringComparison.Ordinal);

        var outcome = Process(text, Remote);

        Assert.Equal(InboundAction.Answer, outcome.Action);
        var answer = outcome.Answer!;
        Assert.Equal(400, answer.StatusCode);
        Assert.Equal(outcome.Error!.Reason, answer.ReasonPhrase);
        Assert.Contains("Max-Forwards", answer.ReasonPhrase, StringComparison.Ordinal);
        Assert.Equal("c1", answer.CallId);
        Assert.NotNull(answer.To!.Tag);
        Assert.Equal(40123, answer.TopVia!.RPort);
        Assert.Equal("203.0.113.7", answer.TopVia.Received);
    }

    [Fact]
    public void Processor_should_answer_505_to_an_unknown_sip_version()
    {
        var text = Request("OPTIONS", "SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1", "c1")
            .Replace("SIP/2.0\r\n", "SIP/3.0\r\n", StringComparison.Ordinal);

        var outcome = Process(text, Remote);

        Assert.Equal(InboundAction.Answer, outcome.Action);
        Assert.Equal(505, outcome.Answer!.StatusCode);
        Assert.Equal("Version Not Supported", outcome.Answer.ReasonPhrase);
    }

    [Fact]
    public void Processor_should_answer_400_when_content_length_is_missing_on_a_stream()
    {
        var text = Request("OPTIONS", "SIP/2.0/TCP 10.0.0.5;branch=z9hG4bK1", "c1", withContentLength: false);

        Assert.Equal(InboundAction.Deliver, Process(text, Remote).Action);
        var outcome = Process(text, TcpRemote);

        Assert.Equal(InboundAction.Answer, outcome.Action);
        Assert.Equal(400, outcome.Answer!.StatusCode);
    }

    [Theory]
    [InlineData("\u0001\u0002garbage\u00ff")]
    [InlineData("HELLO WORLD")]
    [InlineData("SIP/2.0 200 OK\r\nCall-ID: x\r\n\r\n")]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nVia: nonsense\r\nCall-ID: x\r\n\r\n")]
    public void Processor_should_drop_what_cannot_be_answered(string text)
    {
        var outcome = Process(text, Remote);

        Assert.Equal(InboundAction.Drop, outcome.Action);
        Assert.NotNull(outcome.Error);
        Assert.Null(outcome.Answer);
    }

    [Fact]
    public void Processor_should_never_answer_an_ack()
    {
        var text = Request("ACK", "SIP/2.0/UDP 10.0.0.5;branch=z9hG4bK1", "c1").Replace("Max-Forwards: 70\r\n", "", StringComparison.Ordinal);

        Assert.Equal(InboundAction.Drop, Process(text, Remote).Action);
    }

    [Theory]
    [InlineData("\r\n\r\n")]
    [InlineData("\r\n")]
    public void Processor_should_ignore_keep_alives(string text)
    {
        Assert.Equal(InboundAction.KeepAlive, Process(text, Remote).Action);
    }

    private static InboundOutcome Process(string text, SipEndPoint remote) =>
        InboundProcessor.Process(Bytes(text), remote, Local with { Protocol = remote.Protocol }, SipParserLimits.Default);
}
