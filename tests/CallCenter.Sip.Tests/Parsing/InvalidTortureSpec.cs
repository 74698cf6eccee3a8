using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using static CallCenter.Sip.Tests.SipText;

namespace CallCenter.Sip.Tests.Parsing;

/// <summary>
/// Malformed messages, one per category of RFC 4475 §3.1.2 (invalid syntax) and §3.3 (missing or repeated
/// mandatory headers). Each must be refused with the right code and status, and be answerable exactly when a
/// request with a readable top Via came in.
/// </summary>
public class InvalidTortureSpec
{
    private static string OptionsWith(string oldText, string newText)
    {
        Assert.Contains(oldText, Options);
        return Options.Replace(oldText, newText);
    }

    // RFC 4475 §3.1.2.1: empty parameters and list elements (;; and ,,).
    [Fact]
    public void Parser_should_refuse_extraneous_separators_and_stay_silent_when_the_via_is_unreadable()
    {
        var error = AssertRejected(WithBody("""
            INVITE sip:user@example.test SIP/2.0
            To: sip:j.user@example.test
            From: sip:caller@example.net;;tag=134161461246
            Max-Forwards: 7
            Call-ID: badinv01.0ha0isndaksdjasdf3234nas
            CSeq: 8 INVITE
            Via: SIP/2.0/UDP 192.0.2.15;;,;,,
            Contact: "Joe" <sip:joe@example.test>;;;;
            Content-Type: application/sdp
            """, "v=0\n"), SipParseErrorCode.BadHeaderValue, 400, canAnswer: false);

        Assert.Contains("Via", error.Reason);
    }

    [Theory]
    [InlineData("From: <sip:monitor@example.net>;tag=55", "From: <sip:monitor@example.net>;;tag=55")]
    [InlineData("To: <sip:agent@cc.example>", "To: <sip:agent@cc.example>;")]
    [InlineData("Content-Length: 0", "Contact: \"Joe\" <sip:joe@example.test>;;;;\nContent-Length: 0")]
    [InlineData("Content-Length: 0", "Contact: <sip:a@example.test>,,<sip:b@example.test>;=x\nContent-Length: 0")]
    public void Parser_should_answer_400_to_extraneous_separators_in_an_address_header(string oldText, string newText)
    {
        AssertRejected(OptionsWith(oldText, newText), SipParseErrorCode.BadHeaderValue, 400, canAnswer: true);
    }

    // RFC 4475 §3.1.2.2: over UDP a Content-Length larger than the datagram's body is a 400.
    [Fact]
    public void Parser_should_answer_400_when_content_length_exceeds_the_body()
    {
        AssertRejected(Invite.Replace("Content-Length: 149", "Content-Length: 9999"), SipParseErrorCode.BodyTruncated, 400, canAnswer: true);
    }

    // RFC 4475 §3.1.2.3 and §3.1.2.4: negative, huge, or non-numeric lengths.
    [Theory]
    [InlineData("-999")]
    [InlineData("99999999999999999999")]
    [InlineData("12a")]
    [InlineData("1 2")]
    [InlineData("0x10")]
    [InlineData("")]
    public void Parser_should_answer_400_to_a_malformed_content_length(string value)
    {
        AssertRejected(OptionsWith("Content-Length: 0", $"Content-Length: {value}"), SipParseErrorCode.BadContentLength, 400, canAnswer: true);
    }

    // RFC 4475 §3.1.2.4: scalar fields beyond their ranges.
    [Theory]
    [InlineData("CSeq: 7 OPTIONS", "CSeq: 36893488147419103232 OPTIONS")]
    [InlineData("CSeq: 7 OPTIONS", "CSeq: 2147483648 OPTIONS")]
    [InlineData("CSeq: 7 OPTIONS", "CSeq: -1 OPTIONS")]
    [InlineData("CSeq: 7 OPTIONS", "CSeq: OPTIONS")]
    [InlineData("CSeq: 7 OPTIONS", "CSeq: 7")]
    [InlineData("Max-Forwards: 70", "Max-Forwards: 300")]
    [InlineData("Max-Forwards: 70", "Max-Forwards: -1")]
    [InlineData("Max-Forwards: 70", "Max-Forwards: seventy")]
    [InlineData("Content-Length: 0", "Expires: 10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000\nContent-Length: 0")]
    [InlineData("Content-Length: 0", "Expires: 4294967296\nContent-Length: 0")]
    public void Parser_should_answer_400_to_scalars_out_of_range(string oldText, string newText)
    {
        AssertRejected(OptionsWith(oldText, newText), SipParseErrorCode.BadHeaderValue, 400, canAnswer: true);
    }

    [Fact]
    public void Parser_should_accept_the_largest_legal_scalars()
    {
        var request = ParseRequest(Options
            .Replace("CSeq: 7 OPTIONS", $"CSeq: {CSeq.MaxNumber} OPTIONS")
            .Replace("Max-Forwards: 70", "Max-Forwards: 255")
            .Replace("Content-Length: 0", "Expires: 4294967295\nContent-Length: 0"));

        Assert.Equal(CSeq.MaxNumber, request.CSeq!.Value.Number);
        Assert.Equal(255, request.MaxForwards);
    }

    // RFC 4475 §3.1.2.5: a response with overlarge scalars is dropped; responses are never answered.
    [Fact]
    public void Parser_should_refuse_a_response_with_overlarge_scalars_without_an_answer()
    {
        AssertRejected(Ringing.Replace("CSeq: 1 INVITE", "CSeq: 9292394834772304023312 INVITE"), SipParseErrorCode.BadHeaderValue, 400, canAnswer: false);
    }

    // RFC 4475 §3.1.2.6 and quoted strings elsewhere.
    [Theory]
    [InlineData("To: <sip:agent@cc.example>", "To: \"Mr. J. User <sip:j.user@example.test>")]
    [InlineData("To: <sip:agent@cc.example>", "To: \"Mr. J. User\\\" <sip:j.user@example.test>")]
    [InlineData("From: <sip:monitor@example.net>;tag=55", "From: <sip:monitor@example.net>;tag=55;note=\"open")]
    public void Parser_should_answer_400_to_an_unterminated_quoted_string(string oldText, string newText)
    {
        AssertRejected(OptionsWith(oldText, newText), SipParseErrorCode.BadHeaderValue, 400, canAnswer: true);
    }

    // RFC 4475 §3.1.2.7, §3.1.2.8, §3.1.2.9, §3.1.2.11: Request-URIs that are not URIs, or carry escaped headers.
    [Theory]
    [InlineData("<sip:agent@cc.example>")]
    [InlineData("sip:agent@cc.example;<SP>lr")]
    [InlineData("<SP>sip:agent@cc.example<SP>")]
    [InlineData("sip:agent@cc.example?Route=%3Csip:example.test%3E")]
    [InlineData("sip:agent@")]
    [InlineData("sip:@cc.example")]
    [InlineData("sip:agent@cc.example:99999")]
    [InlineData("sip:agent@[2001:db8::1")]
    [InlineData("sip:ag%2Gent@cc.example")]
    [InlineData("sip:agent@cc.example;lr=%4")]
    [InlineData("sip:agent\"@cc.example")]
    [InlineData("agent@cc.example")]
    [InlineData("1sip:agent@cc.example")]
    [InlineData("sip:age<0x00>nt@cc.example")]
    public void Parser_should_answer_400_to_a_malformed_request_uri(string uri)
    {
        var error = AssertRejected(OptionsWith("OPTIONS sip:agent@cc.example SIP/2.0", $"OPTIONS {uri} SIP/2.0"),
            SipParseErrorCode.BadRequestUri, 400, canAnswer: true);

        Assert.Equal("opt-1@192.0.2.4", error.Request!.CallId);
    }

    // RFC 4475 §3.1.2.10: trailing spaces after the version break the Request-Line; the request is still answerable.
    [Fact]
    public void Parser_should_answer_400_to_spaces_at_the_end_of_the_request_line()
    {
        var error = AssertRejected(OptionsWith("OPTIONS sip:agent@cc.example SIP/2.0", "OPTIONS sip:agent@cc.example SIP/2.0<SP><SP>"),
            SipParseErrorCode.BadStartLine, 400, canAnswer: true);

        Assert.Equal("sip:agent@cc.example", error.Request!.RequestUri.ToString());
    }

    // RFC 4475 §3.1.2.13: a URI with '?' (or ';' in the user part) must be in angle brackets.
    [Fact]
    public void Parser_should_answer_400_to_an_unbracketed_contact_with_escaped_headers()
    {
        AssertRejected(OptionsWith("Content-Length: 0", "Contact: sip:user@example.test?Route=%3Csip:sip.example.test%3E\nContent-Length: 0"),
            SipParseErrorCode.BadHeaderValue, 400, canAnswer: true);
    }

    // RFC 4475 §3.1.2.14: LWS inside the angle brackets (the RFC allows refusing it).
    [Fact]
    public void Parser_should_answer_400_to_spaces_inside_the_angle_brackets()
    {
        AssertRejected(OptionsWith("To: <sip:agent@cc.example>", "To: \"Watson, Thomas\" < sip:agent@cc.example >"),
            SipParseErrorCode.BadHeaderValue, 400, canAnswer: true);
    }

    // RFC 4475 §3.1.2.15: a display name with separators must be quoted.
    [Theory]
    [InlineData("To: <sip:agent@cc.example>", "To: Watson, Thomas <sip:agent@cc.example>")]
    [InlineData("From: <sip:monitor@example.net>;tag=55", "From: Bell; Alexander <sip:monitor@example.net>;tag=55")]
    [InlineData("From: <sip:monitor@example.net>;tag=55", "From: Bell:Alexander <sip:monitor@example.net>;tag=55")]
    public void Parser_should_answer_400_to_non_token_characters_in_a_display_name(string oldText, string newText)
    {
        AssertRejected(OptionsWith(oldText, newText), SipParseErrorCode.BadHeaderValue, 400, canAnswer: true);
    }

    // RFC 4475 §3.1.2.16: an unknown version is answered with 505.
    [Theory]
    [InlineData("SIP/7.0")]
    [InlineData("SIP/2.1")]
    [InlineData("sip/3.0")]
    public void Parser_should_answer_505_to_an_unknown_protocol_version(string version)
    {
        var error = AssertRejected(OptionsWith("OPTIONS sip:agent@cc.example SIP/2.0", $"OPTIONS sip:agent@cc.example {version}"),
            SipParseErrorCode.BadVersion, 505, canAnswer: true);

        Assert.Equal(SipMethods.Options, error.Request!.Method);
    }

    [Theory]
    [InlineData("SIP/7.0 180 Ringing")]
    [InlineData("SIP/2.00 180 Ringing")]
    public void Parser_should_drop_a_response_of_an_unknown_version(string statusLine)
    {
        AssertRejected(Ringing.Replace("SIP/2.0 180 Ringing", statusLine), SipParseErrorCode.BadVersion, 505, canAnswer: false);
    }

    [Theory]
    [InlineData("OPTIONS sip:agent@cc.example HTTP/1.1")]
    [InlineData("OPTIONS sip:agent@cc.example")]
    [InlineData("OPTIONS")]
    [InlineData("OPTI<0x00>ONS sip:agent@cc.example SIP/2.0")]
    [InlineData("OPTIONS<HT>sip:agent@cc.example<HT>SIP/2.0")]
    public void Parser_should_drop_a_request_line_it_cannot_read(string requestLine)
    {
        AssertRejected(OptionsWith("OPTIONS sip:agent@cc.example SIP/2.0", requestLine), SipParseErrorCode.BadStartLine, 400, canAnswer: false);
    }

    // RFC 4475 §3.1.2.17 and §3.1.2.18: the CSeq method must be the request's method, known or not.
    [Theory]
    [InlineData("OPTIONS sip:agent@cc.example SIP/2.0", "CSeq: 7 INVITE")]
    [InlineData("NEWMETHOD sip:agent@cc.example SIP/2.0", "CSeq: 7 INVITE")]
    [InlineData("OPTIONS sip:agent@cc.example SIP/2.0", "CSeq: 7 options")]
    public void Parser_should_answer_400_when_the_cseq_method_differs(string requestLine, string cseq)
    {
        AssertRejected(Options.Replace("OPTIONS sip:agent@cc.example SIP/2.0", requestLine).Replace("CSeq: 7 OPTIONS", cseq),
            SipParseErrorCode.CSeqMethodMismatch, 400, canAnswer: true);
    }

    // RFC 4475 §3.1.2.19: a status code is exactly three digits, 100 to 699.
    [Theory]
    [InlineData("SIP/2.0 4294967301 better not break the receiver")]
    [InlineData("SIP/2.0 099 Low")]
    [InlineData("SIP/2.0 700 High")]
    [InlineData("SIP/2.0 20 OK")]
    [InlineData("SIP/2.0 2OO OK")]
    [InlineData("SIP/2.0  200 OK")]
    public void Parser_should_drop_a_response_with_an_invalid_status_code(string statusLine)
    {
        AssertRejected(Ringing.Replace("SIP/2.0 180 Ringing", statusLine), SipParseErrorCode.BadStatusCode, 400, canAnswer: false);
    }

    [Fact]
    public void Parser_should_drop_a_response_with_control_characters_in_the_reason_phrase()
    {
        AssertRejected(Ringing.Replace("SIP/2.0 180 Ringing", "SIP/2.0 180 Ring<0x00>ing"), SipParseErrorCode.BadStartLine, 400, canAnswer: false);
    }

    // RFC 4475 §3.3.1: every mandatory header of RFC 3261 §8.1.1 missing in turn.
    [Theory]
    [InlineData("Max-Forwards: 70\n", true)]
    [InlineData("To: <sip:agent@cc.example>\n", true)]
    [InlineData("From: <sip:monitor@example.net>;tag=55\n", true)]
    [InlineData("Call-ID: opt-1@192.0.2.4\n", true)]
    [InlineData("CSeq: 7 OPTIONS\n", true)]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKopt1\n", false)]
    public void Parser_should_answer_400_to_a_request_missing_a_mandatory_header(string line, bool canAnswer)
    {
        AssertRejected(OptionsWith(line, ""), SipParseErrorCode.MissingHeader, 400, canAnswer);
    }

    [Fact]
    public void Parser_should_answer_400_to_a_request_missing_several_mandatory_headers()
    {
        AssertRejected(WithBody("""
            INVITE sip:user@example.test SIP/2.0
            CSeq: 193942 INVITE
            Via: SIP/2.0/UDP 192.0.2.95;branch=z9hG4bKkdj.insuf
            Content-Type: application/sdp
            """, "v=0\n"), SipParseErrorCode.MissingHeader, 400, canAnswer: true);
    }

    [Fact]
    public void Parser_should_not_require_max_forwards_on_a_response()
    {
        var response = ParseResponse(Ringing);

        Assert.Null(response.MaxForwards);
    }

    [Theory]
    [InlineData("Call-ID: opt-1@192.0.2.4", "Call-ID:<SP>")]
    [InlineData("Call-ID: opt-1@192.0.2.4", "Call-ID: opt 1@192.0.2.4")]
    public void Parser_should_answer_400_to_an_empty_or_spaced_call_id(string oldText, string newText)
    {
        var error = ParseError(OptionsWith(oldText, newText));

        Assert.Equal(400, error.StatusCode);
        Assert.True(error.CanAnswer);
    }

    // RFC 4475 §3.3.8: single-valued headers repeated, as separate lines or as a list on one line.
    [Theory]
    [InlineData("To: <sip:agent@cc.example>")]
    [InlineData("From: <sip:monitor@example.net>;tag=55")]
    [InlineData("Call-ID: opt-1@192.0.2.4")]
    [InlineData("CSeq: 7 OPTIONS")]
    [InlineData("Max-Forwards: 70")]
    public void Parser_should_answer_400_to_a_repeated_single_valued_header(string line)
    {
        AssertRejected(OptionsWith(line, line + "\n" + line), SipParseErrorCode.DuplicateHeader, 400, canAnswer: true);
    }

    [Theory]
    [InlineData("To: <sip:agent@cc.example>", "To: <sip:agent@cc.example>, <sip:other@example.net>")]
    [InlineData("To: <sip:agent@cc.example>", "To: sip:agent@cc.example, sip:other@example.net")]
    [InlineData("From: <sip:monitor@example.net>;tag=55", "From: <sip:monitor@example.net>;tag=55, <sip:x@example.net>;tag=56")]
    public void Parser_should_answer_400_to_two_values_on_one_single_valued_line(string oldText, string newText)
    {
        AssertRejected(OptionsWith(oldText, newText), SipParseErrorCode.BadHeaderValue, 400, canAnswer: true);
    }

    [Fact]
    public void Parser_should_answer_400_to_the_whole_multi_valued_request()
    {
        AssertRejected(WithBody("""
            INVITE sip:user@company.example SIP/2.0
            Contact: <sip:caller@host25.example.net>
            Via: SIP/2.0/UDP 192.0.2.25;branch=z9hG4bKkdjuw
            Max-Forwards: 70
            CSeq: 5 INVITE
            Call-ID: multi01.98asdh@192.0.2.1
            CSeq: 59 INVITE
            Call-ID: multi01.98asdh@192.0.2.2
            From: sip:caller@example.test;tag=3413415
            To: sip:user@example.test
            To: sip:other@example.net
            From: sip:caller@example.net;tag=2923420123
            Content-Type: application/sdp
            Contact: <sip:caller@host36.example.net>
            Max-Forwards: 5
            """, "v=0\n"), SipParseErrorCode.DuplicateHeader, 400, canAnswer: true);
    }

    // RFC 4475 §3.3.9: two different Content-Length values leave the body undefined.
    [Fact]
    public void Parser_should_answer_400_to_conflicting_content_lengths()
    {
        AssertRejected("""
            OPTIONS sip:user@example.test SIP/2.0
            Via: SIP/2.0/UDP host5.example.net;branch=z9hG4bK293423
            To: sip:user@example.test
            From: sip:other@example.net;tag=3923942
            Call-ID: mcl01.fhn2323orihawfdoa3o4r52o3irsdf
            CSeq: 15932 OPTIONS
            Content-Length: 13
            Max-Forwards: 60
            Content-Length: 5
            Content-Type: text/plain

            There's no way to know how many octets are supposed to be here.
            """, SipParseErrorCode.BadContentLength, 400, canAnswer: true);
    }

    // Via values that are not via-parms.
    [Theory]
    [InlineData("Via: SIP/2.0/UDP")]
    [InlineData("Via: SIP/2.0/UDP<SP>")]
    [InlineData("Via: SIP/3.0/UDP 192.0.2.4;branch=z9hG4bKx")]
    [InlineData("Via: HTTP/2.0/UDP 192.0.2.4;branch=z9hG4bKx")]
    [InlineData("Via: SIP/2.0 UDP 192.0.2.4;branch=z9hG4bKx")]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.4:99999;branch=z9hG4bKx")]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.4:;branch=z9hG4bKx")]
    [InlineData("Via: SIP/2.0/UDP ho_st.example;branch=z9hG4bKx")]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.4 extra;branch=z9hG4bKx")]
    [InlineData("Via: SIP/2.0/UDP [2001:db8::1;branch=z9hG4bKx")]
    [InlineData("Via: SIP/2.0/UDP 2001:db8::1;branch=z9hG4bKx")]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.4;branch=")]
    public void Parser_should_refuse_a_malformed_via_without_answering(string via)
    {
        AssertRejected(OptionsWith("Via: SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKopt1", via), SipParseErrorCode.BadHeaderValue, 400, canAnswer: false);
    }

    [Theory]
    [InlineData("Max-Forwards: 70", "Via: SIP/2.0/UDP proxy.example.test;;branch=z9hG4bKx\nMax-Forwards: 70")]
    [InlineData("branch=z9hG4bKopt1", "branch=z9hG4bKopt1, garbage")]
    public void Parser_should_answer_400_when_only_a_lower_via_is_malformed(string oldText, string newText)
    {
        AssertRejected(OptionsWith(oldText, newText), SipParseErrorCode.BadHeaderValue, 400, canAnswer: true);
    }

    // Bad %-escapes in header URIs.
    [Theory]
    [InlineData("To: <sip:agent@cc.example>", "To: <sip:ag%G4ent@cc.example>")]
    [InlineData("To: <sip:agent@cc.example>", "To: <sip:agent%@cc.example>")]
    [InlineData("To: <sip:agent@cc.example>", "To: <sip:agent@cc.example;maddr=%zz>")]
    [InlineData("To: <sip:agent@cc.example>", "To: <sip:agent@cc.example?subject=%>")]
    public void Parser_should_answer_400_to_a_bad_escape_in_a_header_uri(string oldText, string newText)
    {
        AssertRejected(OptionsWith(oldText, newText), SipParseErrorCode.BadHeaderValue, 400, canAnswer: true);
    }

    // NUL and other control characters where no grammar allows them.
    [Theory]
    [InlineData("Call-ID: opt-1@192.0.2.4", "Call-ID: opt-1<0x00>@192.0.2.4", SipParseErrorCode.BadHeaderValue)]
    [InlineData("To: <sip:agent@cc.example>", "To: \"Agent<0x00>\" <sip:agent@cc.example>", SipParseErrorCode.BadHeaderValue)]
    [InlineData("To: <sip:agent@cc.example>", "To: <sip:agent@cc.example><0x07>", SipParseErrorCode.BadHeaderValue)]
    [InlineData("Content-Length: 0", "X-Note: bare<0x0D>return\nContent-Length: 0", SipParseErrorCode.BadHeaderValue)]
    [InlineData("Content-Length: 0", "X-No<0x00>te: value\nContent-Length: 0", SipParseErrorCode.BadHeaderLine)]
    [InlineData("Content-Length: 0", "X-Note: value<0x7F>\nContent-Length: 0", SipParseErrorCode.BadHeaderValue)]
    public void Parser_should_answer_400_to_control_characters_in_a_header(string oldText, string newText, SipParseErrorCode code)
    {
        var error = ParseError(OptionsWith(oldText, newText));

        Assert.Equal(code, error.Code);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void Parser_should_accept_nul_bytes_in_the_body()
    {
        var request = ParseRequest(OptionsWith("Content-Length: 0\n\n", "Content-Type: application/octet-stream\nContent-Length: 4\n\n<0x00><0x01><0x00><0xFF>"));

        Assert.Equal(new byte[] { 0, 1, 0, 0xFF }, request.Body.ToArray());
    }

    [Fact]
    public void Parser_should_drop_a_message_starting_with_nul()
    {
        AssertRejected("<0x00>" + Options, SipParseErrorCode.BadStartLine, 400, canAnswer: false);
    }

    // Header lines that are not "name: value".
    [Theory]
    [InlineData("Max-Forwards: 70", "Max-Forwards 70")]
    [InlineData("Max-Forwards: 70", ": 70")]
    [InlineData("Max-Forwards: 70", "Max Forwards: 70")]
    [InlineData("Max-Forwards: 70", "Max-Forwards<0x00>: 70")]
    public void Parser_should_refuse_a_header_line_without_a_token_name_and_colon(string oldText, string newText)
    {
        var error = ParseError(OptionsWith(oldText, newText));

        Assert.Equal(SipParseErrorCode.BadHeaderLine, error.Code);
        Assert.Equal(400, error.StatusCode);

        // The intact lines around the broken one still reach the transport, which answers 400 instead of dropping it.
        Assert.True(error.CanAnswer);
        Assert.NotNull(error.Request!.CallId);
        Assert.NotNull(error.Request.CSeq);
    }

    [Fact]
    public void Parser_should_refuse_a_continuation_line_before_any_header()
    {
        var error = ParseError(OptionsWith("OPTIONS sip:agent@cc.example SIP/2.0\n", "OPTIONS sip:agent@cc.example SIP/2.0\n folded: start\n"));

        Assert.Equal(SipParseErrorCode.BadHeaderLine, error.Code);
    }

    // Size limits: whole message, one line, number of header lines.
    [Fact]
    public void Parser_should_answer_513_to_a_message_over_the_size_limit()
    {
        var text = OptionsWith("Content-Length: 0", $"X-Padding: {new string('a', 70_000)}\nContent-Length: 0");

        AssertRejected(text, SipParseErrorCode.TooLarge, 513, canAnswer: false);
    }

    [Fact]
    public void Parser_should_refuse_a_header_line_over_the_line_limit()
    {
        var limits = new SipParserLimits { MaxLineLength = 100 };
        var bytes = Wire(OptionsWith("Content-Length: 0", $"X-Padding: {new string('a', 120)}\nContent-Length: 0"));

        Assert.False(SipParser.TryParse(bytes, limits, streamFramed: false, out _, out var error));
        Assert.Equal(SipParseErrorCode.LineTooLong, error.Code);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void Parser_should_refuse_a_start_line_over_the_line_limit()
    {
        var limits = new SipParserLimits { MaxLineLength = 100 };
        var bytes = Wire(OptionsWith("OPTIONS sip:agent@cc.example SIP/2.0", $"OPTIONS sip:{new string('a', 120)}@cc.example SIP/2.0"));

        Assert.False(SipParser.TryParse(bytes, limits, streamFramed: false, out _, out var error));
        Assert.Equal(SipParseErrorCode.LineTooLong, error.Code);
    }

    [Fact]
    public void Parser_should_refuse_a_folded_header_over_the_line_limit()
    {
        var limits = new SipParserLimits { MaxLineLength = 100 };
        var folded = string.Join("\n ", Enumerable.Repeat(new string('b', 40), 5));
        var bytes = Wire(OptionsWith("Content-Length: 0", $"X-Folded: {folded}\nContent-Length: 0"));

        Assert.False(SipParser.TryParse(bytes, limits, streamFramed: false, out _, out var error));
        Assert.Equal(SipParseErrorCode.LineTooLong, error.Code);
    }

    [Fact]
    public void Parser_should_refuse_more_header_lines_than_the_limit()
    {
        var extra = string.Join("\n", Enumerable.Range(0, SipParserLimits.Default.MaxHeaderCount).Select(i => $"X-H{i}: {i}"));

        var error = ParseError(OptionsWith("Content-Length: 0", extra + "\nContent-Length: 0"));

        Assert.Equal(SipParseErrorCode.TooManyHeaders, error.Code);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void Parser_should_accept_exactly_the_header_line_limit()
    {
        var limits = new SipParserLimits { MaxHeaderCount = 9 };
        var bytes = Wire(OptionsWith("Content-Length: 0", "X-One: 1\nContent-Length: 0"));

        Assert.True(SipParser.TryParse(bytes, limits, streamFramed: false, out _, out var error), error?.ToString());
    }

    [Fact]
    public void Parser_should_require_content_length_on_a_stream_transport()
    {
        var bytes = Wire(OptionsWith("Content-Length: 0\n", ""));

        Assert.False(SipParser.TryParse(bytes, SipParserLimits.Default, streamFramed: true, out _, out var error));
        Assert.Equal(SipParseErrorCode.MissingHeader, error.Code);
        Assert.Equal(400, error.StatusCode);
        Assert.True(error.CanAnswer);
    }

    // Rejected ACKs are never answered (RFC 3261 §17.2.1: no response to an ACK).
    [Fact]
    public void Parser_should_not_offer_to_answer_a_malformed_ack()
    {
        var text = Options.Replace("OPTIONS sip:agent@cc.example SIP/2.0", "ACK sip:agent@cc.example SIP/2.0").Replace("CSeq: 7 OPTIONS", "CSeq: 7 INVITE");

        var error = ParseError(text);

        Assert.Equal(SipParseErrorCode.CSeqMethodMismatch, error.Code);
        Assert.False(error.CanAnswer);
    }
}
