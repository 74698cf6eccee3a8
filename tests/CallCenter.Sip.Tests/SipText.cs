using System.Globalization;
using System.Text;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;

namespace CallCenter.Sip.Tests;

/// <summary>
/// Wire text helpers: test messages are written with LF line ends and sent with CRLF. Bytes a test must show
/// explicitly are written as markers: <c>&lt;SP&gt;</c> (a space the editor would trim), <c>&lt;HT&gt;</c>, and
/// <c>&lt;0xHH&gt;</c> for any single byte (control characters, NUL, bytes that are not UTF-8).
/// </summary>
internal static class SipText
{
    public static byte[] Wire(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));
        var output = new List<byte>(utf8.Length);
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'<' && TryReadMarker(utf8.AsSpan(i), out var value, out var length))
            {
                output.Add(value);
                i += length - 1;
                continue;
            }

            output.Add(utf8[i]);
        }

        return [.. output];
    }

    /// <summary>The header lines, a Content-Length equal to the body's UTF-8 length, the empty line and the body.</summary>
    public static string WithBody(string headers, string body) =>
        $"{headers.TrimEnd('\n')}\nContent-Length: {Encoding.UTF8.GetByteCount(body.ReplaceLineEndings("\r\n"))}\n\n{body}";

    public static SipMessage Parse(string text) => ParseBytes(Wire(text));

    public static SipMessage ParseBytes(byte[] bytes)
    {
        Assert.True(SipParser.TryParse(bytes, out var message, out var error), error?.ToString());
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

    /// <summary>Asserts the refusal: its code, its status, and whether a response can be routed back.</summary>
    public static SipParseError AssertRejected(string text, SipParseErrorCode code, int status, bool canAnswer) =>
        AssertRejectedBytes(Wire(text), code, status, canAnswer);

    public static SipParseError AssertRejectedBytes(byte[] bytes, SipParseErrorCode code, int status, bool canAnswer)
    {
        var error = ParseErrorBytes(bytes);
        Assert.Equal(code, error.Code);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(canAnswer, error.CanAnswer);
        return error;
    }

    private static bool TryReadMarker(ReadOnlySpan<byte> text, out byte value, out int length)
    {
        value = 0;
        length = 0;
        if (text.StartsWith("<SP>"u8))
        {
            (value, length) = ((byte)' ', 4);
            return true;
        }

        if (text.StartsWith("<HT>"u8))
        {
            (value, length) = ((byte)'\t', 4);
            return true;
        }

        if (text.Length >= 6 && text.StartsWith("<0x"u8) && text[5] == (byte)'>'
            && byte.TryParse(Encoding.ASCII.GetString(text[3..5]), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value))
        {
            length = 6;
            return true;
        }

        return false;
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
        Content-Length: 149

        v=0
        o=alice 2890844526 2890844526 IN IP4 10.0.0.5
        s=-
        c=IN IP4 10.0.0.5
        t=0 0
        m=audio 49170 RTP/AVP 0 8 101
        a=rtpmap:101 telephone-event/8000

        """;

    /// <summary>A small valid OPTIONS the malformed cases start from, so each breaks exactly one thing.</summary>
    public const string Options = """
        OPTIONS sip:agent@cc.example SIP/2.0
        Via: SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKopt1
        Max-Forwards: 70
        To: <sip:agent@cc.example>
        From: <sip:monitor@example.net>;tag=55
        Call-ID: opt-1@192.0.2.4
        CSeq: 7 OPTIONS
        Content-Length: 0


        """;

    /// <summary>A small valid response for the same purpose.</summary>
    public const string Ringing = """
        SIP/2.0 180 Ringing
        Via: SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKring1
        To: <sip:agent@cc.example>;tag=a1
        From: <sip:caller@example.net>;tag=55
        Call-ID: ring-1@192.0.2.4
        CSeq: 1 INVITE
        Content-Length: 0


        """;
}
