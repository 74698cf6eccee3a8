using CallCenter.Sip.Messages;
using static CallCenter.Sip.Tests.SipText;

namespace CallCenter.Sip.Tests.Parsing;

/// <summary>Typed header values (Via, name-addr, CSeq), header lists, names and parameters.</summary>
public class HeaderValueSpec
{
    [Theory]
    [InlineData("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKa;rport", "UDP", "192.0.2.1", 5060)]
    [InlineData("sip / 2.0 / udp   pc33.example.test ;branch=z9hG4bKa", "UDP", "pc33.example.test", null)]
    [InlineData("SIP/2.0/TCP [2001:db8::9:1]:5070;branch=z9hG4bKa", "TCP", "[2001:db8::9:1]", 5070)]
    [InlineData("SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bKa", "WS", "df7jal23ls0d.invalid", null)]
    [InlineData("SIP/2.0/tls h.example.test : 5061 ;branch=z9hG4bKa", "TLS", "h.example.test", 5061)]
    public void Via_should_read_transport_and_sent_by(string text, string transport, string host, int? port)
    {
        Assert.True(Via.TryParse(text, out var via));

        Assert.Equal((transport, host, port), (via.Transport, via.Host, via.Port));
        Assert.Equal("z9hG4bKa", via.Branch);
        Assert.True(via.HasRfc3261Branch);
    }

    [Fact]
    public void Via_should_read_received_and_rport_including_ipv6_received_with_or_without_brackets()
    {
        Assert.True(Via.TryParse("SIP/2.0/UDP [2001:db8::9:1];received=2001:db8::9:255;rport=5071;branch=z9hG4bKas3-111", out var bare));
        Assert.True(Via.TryParse("SIP/2.0/UDP [2001:db8::9:1];received=[2001:db8::9:255];branch=z9hG4bKas3-111;rport", out var bracketed));

        Assert.Equal("2001:db8::9:255", bare.Received);
        Assert.Equal(5071, bare.RPort);
        Assert.True(bare.HasRPort);
        Assert.Equal("[2001:db8::9:255]", bracketed.Received);
        Assert.True(bracketed.HasRPort);
        Assert.Null(bracketed.RPort);
        Assert.Equal("[2001:db8::9:1]", bracketed.SentBy);
    }

    [Fact]
    public void Via_should_keep_a_quoted_parameter_value_with_its_quotes()
    {
        Assert.True(Via.TryParse("SIP/2.0/UDP host.example.test;branch=z9hG4bKq;comment=\"a; b, \\\"c\\\"\"", out var via));

        Assert.Equal("\"a; b, \\\"c\\\"\"", via.Parameters["comment"]);
        Assert.Equal("a; b, \"c\"", via.Parameters.Unquoted("comment"));
    }

    [Theory]
    [InlineData("\"Alice \\\"Al\\\" Smith\" <sip:alice@example.test>;tag=1", "Alice \"Al\" Smith")]
    [InlineData("\"\" <sip:alice@example.test>;tag=1", "")]
    [InlineData("\"  spaced  \"<sip:alice@example.test>;tag=1", "  spaced  ")]
    [InlineData("Alice   Smith <sip:alice@example.test>;tag=1", "Alice   Smith")]
    [InlineData("<sip:alice@example.test>;tag=1", null)]
    [InlineData("sip:alice@example.test;tag=1", null)]
    [InlineData("\"Ünïcödé 名前\" <sip:alice@example.test>;tag=1", "Ünïcödé 名前")]
    [InlineData("\"a\\\\b\" <sip:alice@example.test>;tag=1", "a\\b")]
    public void Name_address_should_read_quoted_token_and_absent_display_names(string text, string? displayName)
    {
        Assert.True(NameAddress.TryParse(text, out var address));

        Assert.Equal(displayName, address.DisplayName);
        Assert.Equal("sip:alice@example.test", address.Uri.ToString());
        Assert.Equal("1", address.Tag);
    }

    [Theory]
    [InlineData("\"Alice\"sip:alice@example.test")]
    [InlineData("<sip:alice@example.test")]
    [InlineData("Alice sip:alice@example.test")]
    [InlineData("<>")]
    [InlineData("<sip:alice@example.test> junk")]
    [InlineData("<sip:alice@example.test>;tag=")]
    [InlineData("sip:alice@example.test?subject=x")]
    [InlineData("sip:alice@ex ample.test")]
    [InlineData("")]
    [InlineData("   ")]
    public void Name_address_should_refuse_malformed_values(string text)
    {
        Assert.False(NameAddress.TryParse(text, out _));
    }

    [Fact]
    public void Name_address_should_accept_a_parameter_without_value_as_a_flag()
    {
        Assert.True(NameAddress.TryParse("<sip:alice@example.test>;tag", out var address));

        Assert.True(address.Parameters.Contains("tag"));
        Assert.Null(address.Tag);
    }

    [Fact]
    public void Name_address_should_print_a_display_name_that_needs_escapes_so_it_reads_back_equal()
    {
        var address = new NameAddress("Bob \"The Builder\" \\ Co, Ltd; <x>", SipUri.Sip("bob", "example.test"), SipParameters.Empty).WithTag("9");

        var text = address.ToString();

        Assert.Equal("\"Bob \\\"The Builder\\\" \\\\ Co, Ltd; <x>\" <sip:bob@example.test>;tag=9", text);
        Assert.True(NameAddress.TryParse(text, out var again));
        Assert.Equal(address, again);
    }

    [Fact]
    public void Name_address_should_keep_an_empty_quoted_display_name_through_a_round_trip()
    {
        Assert.True(NameAddress.TryParse("\"\" <sip:alice@example.test>", out var address));

        Assert.True(NameAddress.TryParse(address.ToString(), out var again));
        Assert.Equal(address, again);
    }

    [Fact]
    public void Name_address_should_escape_control_characters_of_a_display_name()
    {
        var address = new NameAddress("tab\tbell\u0007nul\0", SipUri.Sip("a", "example.test"), SipParameters.Empty);

        Assert.True(NameAddress.TryParse(address.ToString(), out var again));
        Assert.Equal(address, again);
    }

    [Theory]
    [InlineData("1 INVITE", 1L, "INVITE")]
    [InlineData("  0009   ACK  ", 9L, "ACK")]
    [InlineData("2147483647 BYE", 2147483647L, "BYE")]
    [InlineData("0 NEWMETHOD", 0L, "NEWMETHOD")]
    [InlineData("5\tOPTIONS", 5L, "OPTIONS")]
    public void CSeq_should_read_number_and_method(string text, long number, string method)
    {
        Assert.True(CSeq.TryParse(text, out var cseq));

        Assert.Equal(new CSeq(number, method), cseq);
    }

    [Theory]
    [InlineData("2147483648 INVITE")]
    [InlineData("-1 INVITE")]
    [InlineData("INVITE")]
    [InlineData("1")]
    [InlineData("1INVITE")]
    [InlineData("1 INVITE extra")]
    [InlineData("1 INV:ITE")]
    [InlineData("")]
    public void CSeq_should_refuse_malformed_values(string text)
    {
        Assert.False(CSeq.TryParse(text, out _));
    }

    [Fact]
    public void CSeq_should_share_the_method_string_of_known_methods()
    {
        Assert.True(CSeq.TryParse("1 INVITE", out var cseq));

        Assert.Same(SipMethods.Invite, cseq.Method);
    }

    [Theory]
    [InlineData("i", SipHeaderNames.CallId)]
    [InlineData("m", SipHeaderNames.Contact)]
    [InlineData("e", SipHeaderNames.ContentEncoding)]
    [InlineData("l", SipHeaderNames.ContentLength)]
    [InlineData("c", SipHeaderNames.ContentType)]
    [InlineData("f", SipHeaderNames.From)]
    [InlineData("s", SipHeaderNames.Subject)]
    [InlineData("k", SipHeaderNames.Supported)]
    [InlineData("t", SipHeaderNames.To)]
    [InlineData("v", SipHeaderNames.Via)]
    [InlineData("r", SipHeaderNames.ReferTo)]
    [InlineData("o", SipHeaderNames.Event)]
    [InlineData("V", SipHeaderNames.Via)]
    [InlineData("cALL-iD", SipHeaderNames.CallId)]
    [InlineData("CONTENT-LENGTH", SipHeaderNames.ContentLength)]
    [InlineData("www-authenticate", SipHeaderNames.WwwAuthenticate)]
    public void Header_names_should_map_compact_forms_and_any_case_to_the_canonical_name(string name, string canonical)
    {
        // The parser compares known names by reference, so every spelling must give the one interned instance.
        var interned = string.IsInterned(canonical);
        Assert.NotNull(interned);
        Assert.Same(interned, SipHeaderNames.Canonicalize(name));
        Assert.Same(interned, SipHeaderNames.Canonicalize(name.AsSpan()));
    }

    [Fact]
    public void Parser_should_read_a_message_written_entirely_in_compact_forms_and_odd_case()
    {
        var request = ParseRequest(WithBody("""
            INVITE sip:agent@cc.example SIP/2.0
            v: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKcompact
            MAX-FORWARDS: 70
            t: <sip:agent@cc.example>
            f: <sip:caller@example.net>;tag=7
            i: compact-1@192.0.2.4
            cseq: 1 INVITE
            m: <sip:caller@192.0.2.4>
            k: timer, 100rel
            s: Hello
            e: gzip
            c: text/plain
            """, "hi\n"));

        Assert.Equal("z9hG4bKcompact", request.TopVia!.Branch);
        Assert.Equal("7", request.From!.Tag);
        Assert.Equal("compact-1@192.0.2.4", request.CallId);
        Assert.Equal(["timer", "100rel"], request.Supported);
        Assert.Equal("Hello", request.Headers.First(SipHeaderNames.Subject));
        Assert.Equal("gzip", request.Headers.First(SipHeaderNames.ContentEncoding));
        Assert.Equal("text/plain", request.ContentType);
        Assert.Equal(4, request.ContentLength);
        Assert.All(request.Headers, h => Assert.Equal(SipHeaderNames.Canonicalize(h.Name), h.Name));
    }

    [Fact]
    public void Parser_should_read_list_values_from_one_line_and_from_repeated_lines_alike()
    {
        var combined = ParseRequest(Options.Replace("Content-Length: 0", """
            Contact: "Doe, John" <sip:john,doe@example.test;x=a>;q=0.5, <sip:jane@example.test>
            Route: <sip:p1.example.test;lr>, <sip:p2.example.test;lr>,<sip:p3.example.test;lr>
            Content-Length: 0
            """));
        var repeated = ParseRequest(Options.Replace("Content-Length: 0", """
            Contact: "Doe, John" <sip:john,doe@example.test;x=a>;q=0.5
            Route: <sip:p1.example.test;lr>
            Contact: <sip:jane@example.test>
            Route: <sip:p2.example.test;lr>
            Route: <sip:p3.example.test;lr>
            Content-Length: 0
            """));

        foreach (var request in new[] { combined, repeated })
        {
            Assert.Equal(["Doe, John", null], request.Contacts.Select(c => c.DisplayName));
            Assert.Equal("john,doe", request.Contacts[0].Uri.User);
            Assert.Equal("0.5", request.Contacts[0].Parameters["q"]);
            Assert.Equal(["p1.example.test", "p2.example.test", "p3.example.test"], request.Routes.Select(r => r.Uri.Host));
        }
    }

    [Fact]
    public void Parser_should_read_vias_from_one_line_and_from_repeated_lines_in_order()
    {
        var request = ParseRequest(Options.Replace(
            "Via: SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKopt1",
            "Via: SIP/2.0/UDP first.example.test;branch=z9hG4bK1, SIP/2.0/TCP second.example.test;branch=z9hG4bK2\nVia: SIP/2.0/UDP third.example.test;branch=z9hG4bK3"));

        Assert.Equal(["first.example.test", "second.example.test", "third.example.test"], request.Vias.Select(v => v.Host));
        Assert.Equal("first.example.test", request.TopVia!.Host);
    }

    [Fact]
    public void Parser_should_keep_unknown_headers_verbatim_and_in_wire_order()
    {
        var request = ParseRequest(Options.Replace("Content-Length: 0", """
            X-Zeta: last   letter,  "quoted, comma"  ;x
            X-Alpha: first
            P-Asserted-Identity: "Agent 7" <sip:7@cc.example>
            X-Zeta: again
            Content-Length: 0
            """));

        var names = request.Headers.Select(h => h.Name).ToList();
        Assert.Equal(["X-Zeta", "X-Alpha", "P-Asserted-Identity", "X-Zeta"], names.Where(n => n.StartsWith("X-", StringComparison.Ordinal) || n.StartsWith("P-", StringComparison.Ordinal)));
        Assert.Equal(["last   letter,  \"quoted, comma\"  ;x", "again"], request.Headers.Lines("x-zeta"));
        Assert.Equal(2, request.Headers.CountOf("X-ZETA"));
        Assert.Equal("\"Agent 7\" <sip:7@cc.example>", request.Headers.First("p-asserted-identity"));
    }

    [Fact]
    public void Parser_should_accept_a_wildcard_contact_alone()
    {
        var request = ParseRequest(Options.Replace("Content-Length: 0", "Contact: *\nExpires: 0\nContent-Length: 0"));

        Assert.True(request.IsContactWildcard);
        Assert.Empty(request.Contacts);
        Assert.Equal(0, request.Expires);
    }

    [Theory]
    [InlineData("Contact: *, <sip:a@example.test>")]
    [InlineData("Contact: *\nContact: <sip:a@example.test>")]
    public void Parser_should_answer_400_to_a_wildcard_contact_mixed_with_addresses(string contact)
    {
        AssertRejected(Options.Replace("Content-Length: 0", contact + "\nContent-Length: 0"), CallCenter.Sip.Parsing.SipParseErrorCode.BadHeaderValue, 400, canAnswer: true);
    }

    [Fact]
    public void Parameters_should_be_found_by_name_case_insensitively_and_keep_their_order()
    {
        Assert.True(NameAddress.TryParse("<sip:a@example.test>;Expires=60;q=0.7;+sip.instance=\"<urn:uuid:1>\"", out var address));

        Assert.Equal("60", address.Parameters["expires"]);
        Assert.Equal("<urn:uuid:1>", address.Parameters.Unquoted("+SIP.INSTANCE"));
        Assert.Equal(["Expires", "q", "+sip.instance"], address.Parameters.Select(p => p.Name));
        Assert.Null(address.Parameters["missing"]);
    }
}
