using System.Text;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using static CallCenter.Sip.Tests.SipText;

namespace CallCenter.Sip.Tests.Parsing;

/// <summary>
/// Messages that are odd but legal, one per category of RFC 4475 §3.1.1 (valid syntax), §3.2 and §3.3
/// (syntactically valid, refused later by a layer above) and §3.4 (RFC 2543 compatibility). The texts are
/// written for this project; each keeps the feature the RFC case exercises.
/// </summary>
public class ValidTortureSpec
{
    // RFC 4475 §3.1.1.1: folding, LWS around every separator, odd case, leading zeros, empty and unknown values.
    private static readonly string WhitespaceEverywhere = WithBody("""
        INVITE sip:agent7@pbx.example.test;unknownparam SIP/2.0
        TO :
         sip:agent7@pbx.example.test ;   tag    = 5512abc
        from   : "Pat \"The Ace\" Caller\\"      <sip:pat@caller.example.test>
          ;
          tag = 77zz
        MaX-fOrWaRdS: 0069
        Call-ID: ws.fold.1@caller.example.test
        cseq: 0017
          INVITE
        Via  : SIP  /   2.0
         /UDP
            192.0.2.10;branch=z9hG4bKws1
        s :
        NewFangledThing:   first part
         second part
        OddValue: ;;,,;;,;
        Content-Type: application/sdp
        Route:
         <sip:edge.example.test;lr;flavour=mint;bare>
        v:  SIP  / 2.0  / TCP     relay.example.test   ;
          branch  =   z9hG4bKws2  ,
         SIP  /    2.0   / UDP  198.51.100.7   ; branch=
         z9hG4bKws3
        m:"Quoted \"name\"" <sip:pat@caller.example.test> ; param1 =
              value1 ;
          flag ; q = 0.5
        """, """
        v=0
        o=pat 1 1 IN IP4 192.0.2.10
        s=-
        c=IN IP4 192.0.2.10
        t=0 0
        m=audio 4000 RTP/AVP 0

        """);

    [Fact]
    public void Parser_should_unfold_lines_and_skip_lws_around_every_separator()
    {
        var request = ParseRequest(WhitespaceEverywhere);

        Assert.Equal("sip:agent7@pbx.example.test", request.To!.Uri.ToString());
        Assert.Equal("5512abc", request.To.Tag);
        Assert.Equal("Pat \"The Ace\" Caller\\", request.From!.DisplayName);
        Assert.Equal("77zz", request.From.Tag);
        Assert.Equal(69, request.MaxForwards);
        Assert.Equal(new CSeq(17, SipMethods.Invite), request.CSeq);
        Assert.Equal(
            [("UDP", "192.0.2.10", "z9hG4bKws1"), ("TCP", "relay.example.test", "z9hG4bKws2"), ("UDP", "198.51.100.7", "z9hG4bKws3")],
            request.Vias.Select(v => (v.Transport, v.Host, v.Branch)));
        Assert.True(request.RequestUri.Parameters.Contains("unknownparam"));
    }

    [Fact]
    public void Parser_should_keep_empty_and_unknown_values_of_a_folded_message()
    {
        var request = ParseRequest(WhitespaceEverywhere);

        Assert.Equal("", request.Headers.First(SipHeaderNames.Subject));
        Assert.Equal("first part second part", request.Headers.First("NewFangledThing"));
        Assert.Equal(";;,,;;,;", request.Headers.First("OddValue"));
        var route = Assert.Single(request.Routes);
        Assert.Equal(["lr", "flavour", "bare"], route.Uri.Parameters.Select(p => p.Name));
        var contact = Assert.Single(request.Contacts);
        Assert.Equal("Quoted \"name\"", contact.DisplayName);
        Assert.Equal([("param1", "value1"), ("flag", null), ("q", "0.5")], contact.Parameters.Select(p => (p.Name, p.Value)));
        Assert.StartsWith("v=0\r\n", request.BodyText);
    }

    // RFC 4475 §3.1.1.2: every token character in a method, user part, password, parameter and header name.
    [Fact]
    public void Parser_should_accept_the_whole_range_of_valid_characters()
    {
        var request = ParseRequest("""
            !odd-Method0123456789_*+`.%yes'~ sip:1_odd.USER~(really!)&isn't+it$/weird?,/;;*:&pass+has=1,odd!*pa$wo~d_.(right)@example.test SIP/2.0
            Via: SIP/2.0/TCP host1.example.test;branch=z9hG4bK-.!%66*_+`'~
            To: "BEL:\<0x07> NUL:\<0x00> DEL:\<0x7F>" <sip:1_odd.USER~(really!)&isn't+it$/weird?,/;;*@example.test>
            From: token1~` token2'+_ token3*%!.- <sip:plain@example.test>;fromParam''~+*_!.-%="\"quoted\" value";tag=_token~1'+`*%!-.
            Call-ID: odd.word%ZK-!.*_+'@word`~)(><:\/"][?}{
            CSeq: 139122385 !odd-Method0123456789_*+`.%yes'~
            Max-Forwards: 255
            extensionHeader-!.%*+_`'~: <0xEF><0xBB><0xBF>大停電<SP>
            Content-Length: 0


            """);

        Assert.Equal("!odd-Method0123456789_*+`.%yes'~", request.Method);
        Assert.Equal("1_odd.USER~(really!)&isn't+it$/weird?,/;;*", request.RequestUri.User);
        Assert.Equal("&pass+has=1,odd!*pa$wo~d_.(right)", request.RequestUri.Password);
        Assert.Equal("example.test", request.RequestUri.Host);
        Assert.Equal("BEL:\u0007 NUL:\0 DEL:\u007F", request.To!.DisplayName);
        Assert.Equal("1_odd.USER~(really!)&isn't+it$/weird?,/;;*", request.To.Uri.User);
        Assert.Equal("token1~` token2'+_ token3*%!.-", request.From!.DisplayName);
        Assert.Equal("\"\\\"quoted\\\" value\"", request.From.Parameters["fromParam''~+*_!.-%"]);
        Assert.Equal("\"quoted\" value", request.From.Parameters.Unquoted("fromParam''~+*_!.-%"));
        Assert.Equal("_token~1'+`*%!-.", request.From.Tag);
        Assert.Equal("odd.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", request.CallId);
        Assert.Equal("z9hG4bK-.!%66*_+`'~", request.TopVia!.Branch);
        Assert.Equal(255, request.MaxForwards);
        Assert.Equal("\uFEFF大停電", request.Headers.First("extensionHeader-!.%*+_`'~"));
    }

    // RFC 4475 §3.1.1.3: %-escapes are kept as written and compare equal to the characters they stand for.
    [Fact]
    public void Parser_should_keep_escaped_uri_parts_and_decode_them_on_request()
    {
        var request = ParseRequest(WithBody("""
            INVITE sip:sips%3Aagent%40example.test@pbx.example.test SIP/2.0
            To: sip:%61gent@example.test
            From: <sip:I%20have%20spaces@caller.example.test>;tag=938
            Max-Forwards: 87
            i: esc.239409asdfakjkn23onasd0-3234
            CSeq: 234234 INVITE
            Via: SIP/2.0/UDP host5.example.test;branch=z9hG4bKesc1
            C: application/sdp
            Contact:
              <sip:cal%6Cer@host5.example.test;%6C%72=%6C%72;n%61me=val%75e%25%5D>
            """, "v=0\n"));

        Assert.Equal("sips%3Aagent%40example.test", request.RequestUri.User);
        Assert.Equal("sips:agent@example.test", request.RequestUri.UnescapedUser);
        Assert.Equal("agent", request.To!.Uri.UnescapedUser);
        Assert.Equal("I have spaces", request.From!.Uri.UnescapedUser);
        var contact = Assert.Single(request.Contacts);
        Assert.Equal("caller", contact.Uri.UnescapedUser);
        Assert.Equal([("%6C%72", "%6C%72"), ("n%61me", "val%75e%25%5D")], contact.Uri.Parameters.Select(p => (p.Name, p.Value)));
        Assert.Equal("application/sdp", request.ContentType);
        Assert.Equal("esc.239409asdfakjkn23onasd0-3234", request.CallId);
    }

    // RFC 4475 §3.1.1.4: %00 is a legal escape in a user part.
    [Fact]
    public void Parser_should_accept_escaped_nul_in_uris()
    {
        var request = ParseRequest("""
            REGISTER sip:example.test SIP/2.0
            To: sip:null-%00-null@example.test
            From: sip:null-%00-null@example.test;tag=839923423
            Max-Forwards: 70
            Call-ID: escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd
            CSeq: 14398234 REGISTER
            Via: SIP/2.0/UDP host5.example.test;branch=z9hG4bKnull
            Contact: <sip:%00@host5.example.test>
            Contact: <sip:%00%00@host5.example.test>
            L:0


            """);

        Assert.Equal("null-\0-null", request.To!.Uri.UnescapedUser);
        Assert.Equal(["\0", "\0\0"], request.Contacts.Select(c => c.Uri.UnescapedUser));
        Assert.Equal(0, request.ContentLength);
    }

    // RFC 4475 §3.1.1.5: a % that is not followed by two hex digits is fine where no escape is defined.
    [Fact]
    public void Parser_should_treat_percent_outside_uris_as_an_ordinary_character()
    {
        var request = ParseRequest("""
            RE%47IST%45R sip:registrar.example.test SIP/2.0
            To: "%Z%45" <sip:resource@example.test>
            From: "%Z%45" <sip:resource@example.test>;tag=f232jadfj23
            Call-ID: esc02.asdfnqwo34rq23i34jrjasdcnl23nrlknsdf
            Via: SIP/2.0/TCP host.example.test;rport;branch=z9hG4bK209asdjkf
            CSeq: 3882340 RE%47IST%45R
            Max-Forwards: 70
            Contact: <sip:alias1@host1.example.test>
            C%6Fntact: <sip:alias2@host2.example.test>
            Contact: <sip:alias3@host3.example.test>
            l: 0


            """);

        Assert.Equal("RE%47IST%45R", request.Method);
        Assert.NotEqual(SipMethods.Register, request.Method);
        Assert.Equal("%Z%45", request.To!.DisplayName);
        Assert.Equal(["alias1", "alias3"], request.Contacts.Select(c => c.Uri.User));
        Assert.Equal("<sip:alias2@host2.example.test>", request.Headers.First("C%6Fntact"));
    }

    // RFC 4475 §3.1.1.6: no whitespace between a token display name and the '<'.
    [Fact]
    public void Parser_should_read_a_display_name_written_right_against_the_angle_bracket()
    {
        var request = ParseRequest(Options.Replace("From: <sip:monitor@example.net>;tag=55", "From: caller<sip:caller@example.test>;tag=323"));

        Assert.Equal("caller", request.From!.DisplayName);
        Assert.Equal("sip:caller@example.test", request.From.Uri.ToString());
        Assert.Equal("323", request.From.Tag);
    }

    // RFC 4475 §3.1.1.7: long values everywhere, and many Via lines.
    [Fact]
    public void Parser_should_accept_long_values_in_header_fields()
    {
        var longUser = "longreq.one" + string.Concat(Enumerable.Repeat("really", 30)) + "long";
        var displayName = "I have a user name of " + string.Concat(Enumerable.Repeat("extreme", 10)) + " proportion";
        var tag = string.Concat(Enumerable.Repeat("12982982", 20));
        var callId = "longreq." + string.Concat(Enumerable.Repeat("0123456789abcdef", 20)) + "@192.0.2.1";
        var unknown = string.Concat(Enumerable.Repeat("aValueThatGoesOnAndOn ", 200)).TrimEnd();
        var vias = string.Join("\n", Enumerable.Range(1, 34).Reverse().Select(i => $"Via: SIP/2.0/TCP sip{i}.example.test;branch=z9hG4bK{tag[..40]}{i}"));
        var text = $"""
            INVITE sip:{longUser}@example.test SIP/2.0
            To: "{displayName}" <sip:{longUser}@example.test>
            From: sip:caller@example.net;tag={tag}
            Call-ID: {callId}
            CSeq: 18 INVITE
            Max-Forwards: 70
            X-Long-Value: {unknown}
            {vias}
            Contact: <sip:amazinglylongcallername@host5.example.net;{string.Concat(Enumerable.Repeat("unknownparam", 40))}>
            Content-Length: 0


            """;

        var request = ParseRequest(text);

        Assert.Equal(longUser, request.RequestUri.User);
        Assert.Equal(displayName, request.To!.DisplayName);
        Assert.Equal(tag, request.From!.Tag);
        Assert.Equal(callId, request.CallId);
        Assert.Equal(unknown, request.Headers.First("X-Long-Value"));
        Assert.Equal(34, request.Vias.Count);
        Assert.Equal("sip34.example.test", request.TopVia!.Host);
    }

    // RFC 4475 §3.1.1.8: a UDP datagram holding more than the message: Content-Length ends it, the rest is dropped.
    [Fact]
    public void Parser_should_discard_octets_after_the_content_length_in_a_datagram()
    {
        var request = ParseRequest("""
            REGISTER sip:example.test SIP/2.0
            To: sip:j.user@example.test
            From: sip:j.user@example.test;tag=43251j3j324
            Max-Forwards: 8
            I: dblreq.0ha0isndaksdj99sdfafnl3lk233412
            Contact: sip:j.user@host.example.test
            CSeq: 8 REGISTER
            Via: SIP/2.0/UDP 192.0.2.125;branch=z9hG4bKon23ysdh3
            Content-Length: 0

            INVITE sip:joe@example.test SIP/2.0
            t: sip:joe@example.test
            From: sip:caller@example.net;tag=141334
            Max-Forwards: 8
            Call-ID: dblreq.0ha0isnda977644900765@192.0.2.15
            CSeq: 8 INVITE
            Via: SIP/2.0/UDP 192.0.2.15;branch=z9hG4bKkdjuw380234
            Content-Type: application/sdp
            Content-Length: 10

            v=0 extra
            """);

        Assert.Equal(SipMethods.Register, request.Method);
        Assert.True(request.Body.IsEmpty);
        Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", request.CallId);
    }

    // RFC 4475 §3.1.1.9: semicolons inside the user part do not start URI parameters.
    [Fact]
    public void Parser_should_keep_semicolons_of_the_user_part_in_the_user()
    {
        var request = ParseRequest(Options.Replace("OPTIONS sip:agent@cc.example SIP/2.0", "OPTIONS sip:user;par=u%40example.net@example.test SIP/2.0"));

        Assert.Equal("user;par=u%40example.net", request.RequestUri.User);
        Assert.Equal("user;par=u@example.net", request.RequestUri.UnescapedUser);
        Assert.Equal("example.test", request.RequestUri.Host);
        Assert.Empty(request.RequestUri.Parameters);
    }

    // RFC 4475 §3.1.1.10: transports the stack does not implement still parse.
    [Fact]
    public void Parser_should_accept_varied_and_unknown_transports()
    {
        var request = ParseRequest("""
            OPTIONS sip:user@example.test SIP/2.0
            To: sip:user@example.test
            From: <sip:caller@example.test>;tag=323
            Max-Forwards: 70
            Call-ID:  transports.kijh4akdnaqjkwendsasfdj
            Accept: application/sdp
            CSeq: 60 OPTIONS
            Via: SIP/2.0/UDP t1.example.test;branch=z9hG4bKkdjuw
            Via: SIP/2.0/SCTP t2.example.test;branch=z9hG4bKklasjdfy
            Via: SIP/2.0/tls t3.example.test;branch=z9hG4bK2980unddj
            Via: SIP/2.0/UNKNOWN t4.example.test;branch=z9hG4bKasd0f3en
            Via: SIP/2.0/TCP t5.example.test;branch=z9hG4bK0a9idfnee
            Via: SIP/2.0/WSS t6.example.test;branch=z9hG4bK0a9idfnef
            l: 0


            """);

        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP", "WSS"], request.Vias.Select(v => v.Transport));
        Assert.Equal("transports.kijh4akdnaqjkwendsasfdj", request.CallId);
    }

    // IPv6 references (RFC 5118): in the Request-URI, Via sent-by and received (bare, or bracketed as some
    // implementations write it), Contact with a port, and an IPv4-mapped address.
    [Fact]
    public void Parser_should_read_ipv6_references_in_request_uri_via_and_contact()
    {
        var request = ParseRequest("""
            REGISTER sip:[2001:db8::10]:5070 SIP/2.0
            To: sip:user@example.test
            From: sip:user@example.test;tag=81x2
            Via: SIP/2.0/UDP [2001:db8::9:1];received=2001:db8::9:255;branch=z9hG4bKas3-111
            Via: SIP/2.0/TCP [2001:db8::9:2]:5061;received=[2001:db8::9:256];branch=z9hG4bKas3-112
            Call-ID: SSG9559905523997077@hlau_4100
            Max-Forwards: 70
            Contact: "Caller" <sip:caller@[2001:db8::9:1]:5070;transport=tcp>
            Contact: <sip:caller@[::ffff:192.0.2.10]>
            CSeq: 98176 REGISTER
            Content-Length: 0


            """);

        Assert.Equal(("[2001:db8::10]", 5070), (request.RequestUri.Host, request.RequestUri.Port));
        Assert.Equal(("[2001:db8::9:1]", (int?)null, "2001:db8::9:255"), (request.Vias[0].Host, request.Vias[0].Port, request.Vias[0].Received));
        Assert.Equal(("[2001:db8::9:2]", (int?)5061, "[2001:db8::9:256]"), (request.Vias[1].Host, request.Vias[1].Port, request.Vias[1].Received));
        Assert.Equal(["[2001:db8::9:1]", "[::ffff:192.0.2.10]"], request.Contacts.Select(c => c.Uri.Host));
        Assert.Equal("tcp", request.Contacts[0].Uri.Transport);
    }

    // RFC 4475 §3.1.1.11: a multipart body with binary octets (CR, LF, NUL, 0xFF, even an empty line) stays intact.
    [Fact]
    public void Parser_should_keep_a_multipart_body_byte_for_byte()
    {
        var head = Wire("""
            MESSAGE sip:kumiko@example.test SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bKmp17
            Max-Forwards: 70
            To: <sip:kumiko@example.test>
            From: "Chris" <sip:chris@example.net>;tag=2ht8
            Call-ID: mpart.9c4f@192.0.2.7
            CSeq: 1 MESSAGE
            Content-Type: multipart/mixed;boundary=7a9cbec02ceef655
            MIME-Version: 1.0

            """);
        var body = Encoding.ASCII.GetBytes("--7a9cbec02ceef655\r\nContent-Type: text/plain\r\n\r\nHello\r\n--7a9cbec02ceef655\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n")
            .Concat(new byte[] { 0x30, 0x82, 0x00, 0xFF, 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x7F, 0x80, 0xC3 })
            .Concat(Encoding.ASCII.GetBytes("\r\n--7a9cbec02ceef655--\r\n"))
            .ToArray();
        var bytes = head.Concat(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n")).Concat(body).ToArray();

        var request = Assert.IsType<SipRequest>(ParseBytes(bytes));

        Assert.Equal(body, request.Body.ToArray());
        Assert.Equal("multipart/mixed;boundary=7a9cbec02ceef655", request.ContentType);
        Assert.Equal("1.0", request.Headers.First("MIME-Version"));
    }

    // RFC 4475 §3.1.1.12: a reason phrase is free UTF-8 text with symbols.
    [Fact]
    public void Parser_should_keep_an_unusual_utf8_reason_phrase()
    {
        var response = ParseResponse(Ringing.Replace("SIP/2.0 180 Ringing", "SIP/2.0 200 = 2**3 * 5**2 но сто девяносто девять - простое"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("= 2**3 * 5**2 но сто девяносто девять - простое", response.ReasonPhrase);
    }

    // RFC 4475 §3.1.1.13: the reason phrase may be empty (the space after the code stays).
    [Fact]
    public void Parser_should_accept_an_empty_reason_phrase()
    {
        var response = ParseResponse(Ringing.Replace("SIP/2.0 180 Ringing", "SIP/2.0 100<SP>"));

        Assert.Equal(100, response.StatusCode);
        Assert.Equal("", response.ReasonPhrase);
    }

    // RFC 4475 §3.2.1: a branch that is only the magic cookie is still a branch; matching is the transaction layer's job.
    [Fact]
    public void Parser_should_accept_a_branch_that_is_only_the_magic_cookie()
    {
        var request = ParseRequest(Options.Replace("branch=z9hG4bKopt1", "branch=z9hG4bK"));

        Assert.Equal(Via.BranchCookie, request.TopVia!.Branch);
    }

    // RFC 4475 §3.3.2 and §3.3.3: an unknown or atypical Request-URI scheme parses; the TU answers 416.
    [Theory]
    [InlineData("nobodyKnowsThisScheme:totallyopaquecontent", "nobodyknowsthisscheme", "totallyopaquecontent")]
    [InlineData("soap.beep://192.0.2.103:3002", "soap.beep", "//192.0.2.103:3002")]
    [InlineData("tel:+1-201-555-0123;phone-context=example.test", "tel", "+1-201-555-0123;phone-context=example.test")]
    public void Parser_should_accept_a_request_uri_of_another_scheme_as_opaque(string uri, string scheme, string opaque)
    {
        var request = ParseRequest(Options.Replace("OPTIONS sip:agent@cc.example SIP/2.0", $"OPTIONS {uri} SIP/2.0"));

        Assert.False(request.RequestUri.IsSip);
        Assert.Equal(scheme, request.RequestUri.Scheme);
        Assert.Equal(opaque, request.RequestUri.Opaque);
    }

    // RFC 4475 §3.3.4: other schemes in To, From and Contact are kept opaque too.
    [Fact]
    public void Parser_should_accept_unknown_schemes_in_address_headers()
    {
        var request = ParseRequest("""
            OPTIONS sip:user@example.test SIP/2.0
            To: isbn:2983792873
            From: <http://www.example.test>;tag=3234233
            Call-ID: unksm2.daksdj@hyphenated-host.example.test
            CSeq: 234902 OPTIONS
            Max-Forwards: 70
            Via: SIP/2.0/UDP 192.0.2.21:5060;branch=z9hG4bKkdjuw
            Contact: <name:John_Smith>
            l: 0


            """);

        Assert.Equal(("isbn", "2983792873"), (request.To!.Uri.Scheme, request.To.Uri.Opaque));
        Assert.Equal(("http", "//www.example.test"), (request.From!.Uri.Scheme, request.From.Uri.Opaque));
        Assert.Equal("3234233", request.From.Tag);
        Assert.Equal("name:John_Smith", Assert.Single(request.Contacts).Uri.ToString());
    }

    // RFC 4475 §3.3.5 to §3.3.7 and §3.3.15: extensions, content types and auth schemes the stack does not know are
    // carried as written; refusing them (420, 415, 406) is the TU's decision.
    [Fact]
    public void Parser_should_carry_unknown_extensions_content_types_and_auth_schemes()
    {
        var request = ParseRequest(WithBody("""
            INVITE sip:user@example.test SIP/2.0
            To: sip:j_user@example.test
            From: sip:caller@example.net;tag=242etr
            Max-Forwards: 6
            Call-ID: bext01.0ha0isndaksdj
            Require: nothingSupportsThis, nothingSupportsThisEither
            Proxy-Require: noProxiesSupportThis, norDoAnyProxiesSupportThis
            CSeq: 8 INVITE
            Via: SIP/2.0/TLS fold-and-staple.example.test;branch=z9hG4bKkdjuw
            Authorization: NoOneKnowsThisScheme opaque-data=here
            Accept: text/nobodyKnowsThis
            Content-Type: application/unknownformat
            """, "<audio> <pcmu port=\"443\"/> </audio>\n"));

        Assert.Equal(["nothingSupportsThis", "nothingSupportsThisEither"], request.Require);
        Assert.Equal(["noProxiesSupportThis", "norDoAnyProxiesSupportThis"], request.Headers.Values(SipHeaderNames.ProxyRequire));
        Assert.Equal("NoOneKnowsThisScheme opaque-data=here", request.Headers.First(SipHeaderNames.Authorization));
        Assert.Equal("text/nobodyKnowsThis", request.Headers.First(SipHeaderNames.Accept));
        Assert.Equal("application/unknownformat", request.ContentType);
    }

    // RFC 4475 §3.3.10: a broadcast Via parses; dropping it is the transport's decision.
    [Fact]
    public void Parser_should_accept_a_response_with_a_broadcast_via()
    {
        var response = ParseResponse(Ringing.Replace(
            "Via: SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKring1",
            "Via: SIP/2.0/UDP 192.0.2.198;branch=z9hG4bK1324923\nVia: SIP/2.0/UDP 255.255.255.255;branch=z9hG4bK1saber23"));

        Assert.Equal(["192.0.2.198", "255.255.255.255"], response.Vias.Select(v => v.Host));
    }

    // RFC 4475 §3.3.11: Max-Forwards 0 is valid syntax (a proxy answers 483, a UAS processes the request).
    [Fact]
    public void Parser_should_accept_max_forwards_of_zero()
    {
        var request = ParseRequest(Options.Replace("Max-Forwards: 70", "Max-Forwards: 0"));

        Assert.Equal(0, request.MaxForwards);
    }

    // RFC 4475 §3.3.12 and §3.3.13: without angle brackets a parameter belongs to the header, inside them to the URI.
    [Theory]
    [InlineData("Contact: sip:+19725552222@gw1.example.net;unknownparam", false)]
    [InlineData("Contact: <sip:+19725552222@gw1.example.net;unknownparam>", true)]
    public void Parser_should_tell_header_parameters_from_uri_parameters(string contactLine, bool onUri)
    {
        var request = ParseRequest(Options.Replace("Content-Length: 0", contactLine + "\nContent-Length: 0"));

        var contact = Assert.Single(request.Contacts);
        Assert.Equal("+19725552222", contact.Uri.User);
        Assert.Equal(onUri, contact.Uri.Parameters.Contains("unknownparam"));
        Assert.Equal(!onUri, contact.Parameters.Contains("unknownparam"));
    }

    // RFC 4475 §3.3.14: escaped headers are allowed in a Contact URI inside angle brackets.
    [Fact]
    public void Parser_should_keep_escaped_headers_of_a_bracketed_contact_uri()
    {
        var request = ParseRequest(Options.Replace("Content-Length: 0", "Contact: <sip:user@example.test?Route=%3Csip:sip.example.test%3E>\nContent-Length: 0"));

        var contact = Assert.Single(request.Contacts);
        Assert.Equal("Route=%3Csip:sip.example.test%3E", contact.Uri.Headers);
        Assert.Equal("example.test", contact.Uri.Host);
    }

    // RFC 4475 §3.1.2.12 allows a liberal reading: Date is informational, so a non-GMT zone is carried as written.
    [Fact]
    public void Parser_should_carry_a_date_with_a_non_gmt_zone_as_written()
    {
        var request = ParseRequest(Options.Replace("Content-Length: 0", "Date: Fri, 01 Jan 2010 16:00:00 EST\nContent-Length: 0"));

        Assert.Equal("Fri, 01 Jan 2010 16:00:00 EST", request.Headers.First(SipHeaderNames.Date));
    }

    // RFC 4475 §3.4.1: RFC 2543 style: no branch, no From tag, no Content-Length (the body runs to the datagram's end).
    [Fact]
    public void Parser_should_accept_rfc2543_style_without_branch_tag_or_content_length()
    {
        var request = ParseRequest("""
            INVITE sip:UserB@example.test SIP/2.0
            Via: SIP/2.0/UDP iftgw.example.test
            From: <sip:+13035551111@ift.client.example.net;user=phone>
            Record-Route: <sip:UserB@example.test;maddr=ss1.example.test>
            To: sip:+16505552222@ss1.example.net;user=phone
            Call-ID: inv2543.1717@ift.client.example.test
            CSeq: 56 INVITE
            Max-Forwards: 70
            Content-Type: application/sdp

            v=0
            o=mhandley 29739 7272939 IN IP4 192.0.2.5
            s=-
            c=IN IP4 192.0.2.5
            t=0 0
            m=audio 49217 RTP/AVP 0

            """);

        Assert.Null(request.TopVia!.Branch);
        Assert.False(request.TopVia.HasRfc3261Branch);
        Assert.Null(request.From!.Tag);
        Assert.Equal("phone", request.To!.Parameters["user"]);
        Assert.Null(request.ContentLength);
        Assert.EndsWith("m=audio 49217 RTP/AVP 0\r\n", request.BodyText);
        Assert.Equal("ss1.example.test", Assert.Single(request.RecordRoutes).Uri.Parameters["maddr"]);
    }

    // The project requires Max-Forwards (SIP-NOTES, RFC 3261 §8.1.1), so the verbatim RFC 2543 message, which lacks it,
    // is refused with a 400 that can be routed back.
    [Fact]
    public void Parser_should_answer_400_to_rfc2543_style_without_max_forwards()
    {
        AssertRejected("""
            INVITE sip:UserB@example.test SIP/2.0
            Via: SIP/2.0/UDP iftgw.example.test
            From: <sip:+13035551111@ift.client.example.net;user=phone>
            To: sip:+16505552222@ss1.example.net;user=phone
            Call-ID: inv2543.1718@ift.client.example.test
            CSeq: 56 INVITE


            """, SipParseErrorCode.MissingHeader, 400, canAnswer: true);
    }
}
