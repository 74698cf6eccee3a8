using System.Text;
using CallCenter.Sip.Sdp;

namespace CallCenter.Sip.Tests.Sdp;

public class SdpParserErrorSpec
{
    // Lines 1-5 of a valid description; tests append the line under scrutiny as line 6 or later.
    private const string Head = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n";

    private static SdpError Reject(string text, SdpParserLimits? limits = null)
    {
        Assert.False(SdpParser.TryParse(text.AsSpan(), limits ?? SdpParserLimits.Default, out _, out var error));
        return error;
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\r\n \n")]
    public void Parser_should_reject_input_when_it_has_no_lines(string text) =>
        Assert.Equal(SdpErrorKind.Empty, Reject(text).Kind);

    [Fact]
    public void Parser_should_reject_a_description_when_v_is_not_the_first_line()
    {
        var error = Reject("o=- 1 1 IN IP4 h\r\nv=0\r\ns=-\r\nt=0 0\r\n");

        Assert.Equal(SdpErrorKind.MissingVersion, error.Kind);
        Assert.Equal(1, error.LineNumber);
        Assert.Equal("o=- 1 1 IN IP4 h", error.Line);
    }

    [Fact]
    public void Parser_should_reject_a_version_other_than_zero() =>
        Assert.Equal(SdpErrorKind.UnsupportedVersion, Reject("v=1\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\n").Kind);

    [Theory]
    [InlineData("v=0\r\ns=-\r\nt=0 0\r\n", SdpErrorKind.MissingOrigin)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\nt=0 0\r\n", SdpErrorKind.MissingSessionName)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\n", SdpErrorKind.MissingTiming)]
    public void Parser_should_reject_a_description_when_a_mandatory_line_is_missing(string text, SdpErrorKind kind)
    {
        var error = Reject(text);

        Assert.Equal(kind, error.Kind);
        Assert.Equal(0, error.LineNumber);
    }

    [Fact]
    public void Parser_should_reject_media_without_connection_when_the_session_has_none()
    {
        var error = Reject(
            "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\nc=IN IP4 10.0.0.1\r\nm=video 5000 RTP/AVP 31\r\n");

        Assert.Equal(SdpErrorKind.MissingConnection, error.Kind);
        Assert.Equal(7, error.LineNumber);
        Assert.Equal("m=video 5000 RTP/AVP 31", error.Line);
    }

    [Theory]
    [InlineData("garbage", SdpErrorKind.MalformedLine)]
    [InlineData("a", SdpErrorKind.MalformedLine)]
    [InlineData("ab=c", SdpErrorKind.MalformedLine)]
    [InlineData("a=x\0y", SdpErrorKind.MalformedLine)]
    [InlineData("x=whatever", SdpErrorKind.UnknownLineType)]
    [InlineData("V=0", SdpErrorKind.UnknownLineType)]
    [InlineData("v=0", SdpErrorKind.MisplacedLine)]
    [InlineData("o=- 2 2 IN IP4 h", SdpErrorKind.DuplicateLine)]
    [InlineData("s=again", SdpErrorKind.DuplicateLine)]
    [InlineData("c=IN IP4 10.0.0.2", SdpErrorKind.DuplicateLine)]
    [InlineData("t=now later", SdpErrorKind.InvalidTiming)]
    [InlineData("t=0", SdpErrorKind.InvalidTiming)]
    [InlineData("t=-1 0", SdpErrorKind.InvalidTiming)]
    [InlineData("b=AS", SdpErrorKind.InvalidBandwidth)]
    [InlineData("b=AS:fast", SdpErrorKind.InvalidBandwidth)]
    [InlineData("b=:64", SdpErrorKind.InvalidBandwidth)]
    [InlineData("a=:value", SdpErrorKind.InvalidAttribute)]
    [InlineData("a=bad name", SdpErrorKind.InvalidAttribute)]
    [InlineData("m=audio 70000 RTP/AVP 0", SdpErrorKind.InvalidMedia)]
    [InlineData("m=audio -1 RTP/AVP 0", SdpErrorKind.InvalidMedia)]
    [InlineData("m=audio port RTP/AVP 0", SdpErrorKind.InvalidMedia)]
    [InlineData("m=audio 4000/0 RTP/AVP 0", SdpErrorKind.InvalidMedia)]
    [InlineData("m=audio 4000", SdpErrorKind.InvalidMedia)]
    [InlineData("m=audio 4000 RTP//AVP 0", SdpErrorKind.InvalidMedia)]
    [InlineData("m=au:dio 4000 RTP/AVP 0", SdpErrorKind.InvalidMedia)]
    public void Parser_should_reject_a_bad_session_level_line_and_name_it(string line, SdpErrorKind kind)
    {
        var error = Reject(Head + line + "\r\n");

        Assert.Equal(kind, error.Kind);
        Assert.Equal(6, error.LineNumber);
        Assert.Equal(line, error.Line);
    }

    [Theory]
    [InlineData("o=- 1 1 IN IP4", SdpErrorKind.InvalidOrigin)]
    [InlineData("o=- 1 1 IN IP4 h extra", SdpErrorKind.InvalidOrigin)]
    [InlineData("o=- 1 one IN IP4 h", SdpErrorKind.InvalidOrigin)]
    [InlineData("o=- 1 99999999999999999999999 IN IP4 h", SdpErrorKind.InvalidOrigin)]
    [InlineData("o=- 1 1 I/N IP4 h", SdpErrorKind.InvalidOrigin)]
    [InlineData("c=IN IP4", SdpErrorKind.InvalidConnection)]
    [InlineData("c=IN IP4 a b", SdpErrorKind.InvalidConnection)]
    [InlineData("r=7d 1h 0 25h", SdpErrorKind.MisplacedLine)]
    public void Parser_should_reject_a_malformed_second_line_and_name_it(string line, SdpErrorKind kind)
    {
        var error = Reject("v=0\r\n" + line + "\r\ns=-\r\nt=0 0\r\n");

        Assert.Equal(kind, error.Kind);
        Assert.Equal(2, error.LineNumber);
    }

    [Theory]
    [InlineData("o=- 2 2 IN IP4 h", SdpErrorKind.MisplacedLine)]
    [InlineData("s=-", SdpErrorKind.MisplacedLine)]
    [InlineData("t=0 0", SdpErrorKind.MisplacedLine)]
    [InlineData("z=0 0", SdpErrorKind.MisplacedLine)]
    [InlineData("y=1", SdpErrorKind.UnknownLineType)]
    [InlineData("c=IN", SdpErrorKind.InvalidConnection)]
    [InlineData("b=TIAS:x", SdpErrorKind.InvalidBandwidth)]
    [InlineData("a=", SdpErrorKind.InvalidAttribute)]
    public void Parser_should_reject_a_bad_media_level_line_and_name_it(string line, SdpErrorKind kind)
    {
        var error = Reject(Head + "m=audio 4000 RTP/AVP 0\r\n" + line + "\r\n");

        Assert.Equal(kind, error.Kind);
        Assert.Equal(7, error.LineNumber);
    }

    [Theory]
    [InlineData("i=one\r\ni=two")]
    [InlineData("k=clear:a\r\nk=clear:b")]
    public void Parser_should_reject_a_repeated_single_media_line(string lines)
    {
        var error = Reject(Head + "m=audio 4000 RTP/AVP 0\r\n" + lines + "\r\n");

        Assert.Equal(SdpErrorKind.DuplicateLine, error.Kind);
        Assert.Equal(8, error.LineNumber);
    }

    [Fact]
    public void Parser_should_reject_text_when_it_exceeds_the_size_limit()
    {
        var limits = new SdpParserLimits { MaxLength = 64 };

        Assert.Equal(SdpErrorKind.TooLarge, Reject(SdpSamples.SippUac, limits).Kind);
        Assert.False(SdpParser.TryParse(Encoding.UTF8.GetBytes(SdpSamples.SippUac), limits, out _, out var error));
        Assert.Equal(SdpErrorKind.TooLarge, error.Kind);
    }

    [Fact]
    public void Parser_should_reject_text_when_it_has_too_many_lines()
    {
        var text = Head + string.Concat(Enumerable.Repeat("a=x\r\n", 20));

        var error = Reject(text, new SdpParserLimits { MaxLines = 10 });

        Assert.Equal(SdpErrorKind.TooManyLines, error.Kind);
        Assert.Equal(11, error.LineNumber);
    }

    [Fact]
    public void Parser_should_reject_a_description_when_it_has_too_many_media()
    {
        var text = Head + string.Concat(Enumerable.Repeat("m=audio 0 RTP/AVP 0\r\n", 4));

        var error = Reject(text, new SdpParserLimits { MaxMedia = 3 });

        Assert.Equal(SdpErrorKind.TooManyMedia, error.Kind);
        Assert.Equal(9, error.LineNumber);
    }

    [Fact]
    public void Parser_should_reject_a_media_line_when_it_has_too_many_formats()
    {
        var line = "m=audio 4000 RTP/AVP " + string.Join(' ', Enumerable.Range(0, 129));

        var error = Reject(Head + line + "\r\n");

        Assert.Equal(SdpErrorKind.TooManyFormats, error.Kind);
        Assert.Equal(6, error.LineNumber);
    }

    [Fact]
    public void Parser_should_accept_exactly_as_many_formats_as_the_limit()
    {
        var line = "m=audio 4000 RTP/AVP " + string.Join(' ', Enumerable.Range(0, 128));

        Assert.True(SdpParser.TryParse(Head + line + "\r\n", out var session, out _));
        Assert.Equal(128, session.Media[0].Formats.Count);
    }

    [Fact]
    public void Parser_should_quote_at_most_a_bounded_part_of_a_long_bad_line()
    {
        var line = "a=" + new string('x', 500) + " y";

        var error = Reject(Head + line + "\r\n");

        Assert.Equal(SdpErrorKind.InvalidAttribute, error.Kind);
        Assert.Equal(SdpError.MaxQuotedLineLength + 3, error.Line?.Length);
        Assert.StartsWith("a=xxx", error.Line, StringComparison.Ordinal);
    }
}
