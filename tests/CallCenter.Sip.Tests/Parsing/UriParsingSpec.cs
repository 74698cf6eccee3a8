using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Tests.Parsing;

/// <summary>SIP, SIPS and other URIs on their own (RFC 3261 §19.1, §25.1; IPv6 references per RFC 5118).</summary>
public class UriParsingSpec
{
    private static SipUri Parse(string text)
    {
        Assert.True(SipUri.TryParse(text, out var uri), $"'{text}' should parse");
        return uri;
    }

    [Fact]
    public void Uri_should_split_every_component()
    {
        var uri = Parse("sips:alice:secret@atlanta.example.test:5061;transport=TCP;lr;maddr=239.255.255.1?subject=project%20x&priority=urgent");

        Assert.Equal("sips", uri.Scheme);
        Assert.True(uri.IsSecure);
        Assert.Equal("alice", uri.User);
        Assert.Equal("secret", uri.Password);
        Assert.Equal("atlanta.example.test", uri.Host);
        Assert.Equal(5061, uri.Port);
        Assert.Equal([("transport", "TCP"), ("lr", null), ("maddr", "239.255.255.1")], uri.Parameters.Select(p => (p.Name, p.Value)));
        Assert.Equal("tcp", uri.Transport);
        Assert.Equal("subject=project%20x&priority=urgent", uri.Headers);
    }

    [Theory]
    [InlineData("SIP:alice@example.test", "sip")]
    [InlineData("Sips:alice@example.test", "sips")]
    [InlineData("TEL:+15551234", "tel")]
    public void Uri_should_compare_schemes_case_insensitively(string text, string scheme)
    {
        Assert.Equal(scheme, Parse(text).Scheme);
    }

    [Theory]
    [InlineData("sip:[2001:db8::10]", "[2001:db8::10]", null)]
    [InlineData("sip:alice@[2001:db8::10]:5070", "[2001:db8::10]", 5070)]
    [InlineData("sip:[2001:db8::10:5070]", "[2001:db8::10:5070]", null)]
    [InlineData("sip:[::ffff:192.0.2.10]:5060;transport=udp", "[::ffff:192.0.2.10]", 5060)]
    [InlineData("sip:[::1]", "[::1]", null)]
    [InlineData("sip:192.0.2.1:0", "192.0.2.1", 0)]
    [InlineData("sip:host.example.test.:65535", "host.example.test.", 65535)]
    public void Uri_should_read_ipv6_references_ipv4_and_hostnames_with_ports(string text, string host, int? port)
    {
        var uri = Parse(text);

        Assert.Equal(host, uri.Host);
        Assert.Equal(port, uri.Port);
    }

    [Theory]
    [InlineData("sip:2001:db8::10")]
    [InlineData("sip:[2001:db8::10")]
    [InlineData("sip:[2001:db8::10]5060")]
    [InlineData("sip:[192.0.2.1]")]
    [InlineData("sip:[not-an-address]")]
    [InlineData("sip:alice@host:65536")]
    [InlineData("sip:alice@host:")]
    [InlineData("sip:alice@host:-1")]
    [InlineData("sip:alice@-host.example")]
    [InlineData("sip:alice@host_name.example")]
    [InlineData("sip:alice@")]
    [InlineData("sip:")]
    [InlineData("sip:@host")]
    [InlineData("sip:alice@host;")]
    [InlineData("sip:alice@host;=v")]
    [InlineData("sip:alice@host;p=")]
    [InlineData("sip:alice@host;p=a=b")]
    [InlineData("sip:al ice@host")]
    [InlineData("sip:alice@host>")]
    [InlineData("sip:alice@host?x=<y>")]
    [InlineData("sip:al%ice@host")]
    [InlineData("sip:alice%4@host")]
    [InlineData("sip:alice:pa:ss@host")]
    [InlineData("sip:alice@ho@st")]
    [InlineData(":alice@host")]
    [InlineData("s_p:alice@host")]
    [InlineData("tel:")]
    [InlineData("")]
    public void Uri_should_refuse_malformed_text(string text)
    {
        Assert.False(SipUri.TryParse(text, out _));
    }

    [Theory]
    [InlineData("[::]")]
    [InlineData("[1::]")]
    [InlineData("[1:2:3:4:5:6:7:8]")]
    [InlineData("[1:2:3:4:5:6:7::]")]
    [InlineData("[::2:3:4:5:6:7:8]")]
    [InlineData("[64:ff9b::192.0.2.33]")]
    [InlineData("[1:2:3:4:5:6:192.0.2.33]")]
    [InlineData("[FE80::0202:B3FF:FE1E:8329]")]
    public void Uri_should_accept_every_text_form_of_an_ipv6_address(string host)
    {
        Assert.Equal(host, Parse($"sip:{host}").Host);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[1:2:3:4:5:6:7:8:9]")]
    [InlineData("[1:2:3:4:5:6:7]")]
    [InlineData("[1:2:3:4:5:6:7:8::]")]
    [InlineData("[1::2::3]")]
    [InlineData("[12345::]")]
    [InlineData("[::g]")]
    [InlineData("[:1]")]
    [InlineData("[1:]")]
    [InlineData(":::")]
    [InlineData("[::1.2.3]")]
    [InlineData("[::256.1.1.1]")]
    [InlineData("[1.2.3.4::]")]
    [InlineData("[fe80::1%25eth0]")]
    [InlineData("[::1 ]")]
    public void Uri_should_refuse_malformed_ipv6_references(string host)
    {
        Assert.False(SipUri.TryParse($"sip:{host}", out _));
        Assert.False(Via.TryParse($"SIP/2.0/UDP {host};branch=z9hG4bK1", out _));
    }

    [Fact]
    public void Uri_should_refuse_text_longer_than_its_limit()
    {
        Assert.False(SipUri.TryParse("sip:" + new string('a', 2100) + "@example.test", out _));
    }

    [Fact]
    public void Uri_should_let_the_first_at_sign_end_a_user_part_that_holds_query_and_parameter_characters()
    {
        var uri = Parse("sip:a?b;c=d/e@example.test;p=1?h=v");

        Assert.Equal("a?b;c=d/e", uri.User);
        Assert.Equal("example.test", uri.Host);
        Assert.Equal("1", uri.Parameters["p"]);
        Assert.Equal("h=v", uri.Headers);
    }

    [Fact]
    public void Uri_should_find_parameters_by_name_case_insensitively()
    {
        var uri = Parse("sip:alice@example.test;Transport=UDP;LR");

        Assert.Equal("udp", uri.Transport);
        Assert.True(uri.Parameters.Contains("lr"));
        Assert.Equal("Transport", uri.Parameters[0].Name);
    }

    [Fact]
    public void Uri_should_keep_a_tel_uri_opaque_and_print_it_back_unchanged()
    {
        const string text = "tel:+1-201-555-0123;phone-context=example.test;ext=22";

        var uri = Parse(text);

        Assert.False(uri.IsSip);
        Assert.Equal("+1-201-555-0123;phone-context=example.test;ext=22", uri.Opaque);
        Assert.Null(uri.User);
        Assert.Empty(uri.Parameters);
        Assert.Equal(text, uri.ToString());
    }

    [Theory]
    [InlineData("sip:alice@example.test")]
    [InlineData("sip:example.test")]
    [InlineData("sips:alice:pw@[2001:db8::1]:5061;transport=tls?subject=hi")]
    [InlineData("sip:%61lice@example.test;x=%20")]
    [InlineData("sip:user;par=u%40example.net@example.test")]
    [InlineData("urn:service:sos")]
    [InlineData("http://www.example.test/path?q=1")]
    public void Uri_should_print_back_exactly_what_it_read(string text)
    {
        var uri = Parse(text);

        Assert.Equal(text, uri.ToString());
        Assert.Equal(uri, Parse(uri.ToString()));
    }

    [Fact]
    public void Uri_should_decode_escapes_only_when_asked()
    {
        var uri = Parse("sip:J%C3%BCrgen%20K@example.test");

        Assert.Equal("J%C3%BCrgen%20K", uri.User);
        Assert.Equal("Jürgen K", uri.UnescapedUser);
    }

    [Fact]
    public void Uri_parse_should_throw_only_for_trusted_text_that_is_invalid()
    {
        Assert.Equal("example.test", SipUri.Parse("sip:example.test").Host);
        Assert.Throws<FormatException>(() => SipUri.Parse("not a uri"));
    }
}
