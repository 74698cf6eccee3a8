using System.Text;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;

namespace CallCenter.Sip.Tests;

/// <summary>Wire text helpers: test messages are written with LF line ends and sent with CRLF.</summary>
internal static class SipText
{
    public static byte[] Wire(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    public static SipMessage Parse(string text)
    {
        Assert.True(SipParser.TryParse(Wire(text), out var message, out var error), error?.ToString());
        return message;
    }

    public static SipRequest ParseRequest(string text) => Assert.IsType<SipRequest>(Parse(text));

    public static SipResponse ParseResponse(string text) => Assert.IsType<SipResponse>(Parse(text));

    public static SipParseError ParseError(string text) => ParseErrorBytes(Wire(text));

    public static SipParseError ParseErrorBytes(byte[] bytes)
    {
        Assert.False(SipParser.TryParse(bytes, out _, out var error));
        return error;
    }

    public const string Invite = """
        INVITE sip:support@cc.example SIP/2.0
        Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776asdhds;rport
        Max-Forwards: 70
        To: <sip:support@cc.example>
        From: "Alice Caller" <sip:alice@example.com>;tag=1928301774
        Call-ID: a84b4c76e66710@pc33.example.com
        CSeq: 314159 INVITE
        Contact: <sip:alice@10.0.0.5:5060>
        User-Agent: Test UA 1.0
        Allow: INVITE, ACK, CANCEL, BYE, OPTIONS
        Content-Type: application/sdp
        Content-Length: 131

        v=0
        o=alice 2890844526 2890844526 IN IP4 10.0.0.5
        s=-
        c=IN IP4 10.0.0.5
        t=0 0
        m=audio 49170 RTP/AVP 0 8 101
        a=rtpmap:101 telephone-event/8000

        """;
}
