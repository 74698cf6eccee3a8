using CallCenter.Sip.Auth;

namespace CallCenter.Sip.Tests.Auth;

public class AuthHeaderParserSpec
{
    [Fact]
    public void Parser_should_read_tokens_and_quoted_strings()
    {
        var p = Parse("Digest realm=\"example.com\", algorithm=SHA-256, nc=00000001");

        Assert.Equal("example.com", p["realm"]);
        Assert.Equal("SHA-256", p["algorithm"]);
        Assert.Equal("00000001", p["nc"]);
    }

    [Fact]
    public void Parser_should_unescape_quoted_pairs()
    {
        var p = Parse("Digest realm=\"a\\\"b\\\\c\\d\"");

        Assert.Equal("a\"b\\cd", p["realm"]);
    }

    [Fact]
    public void Parser_should_keep_commas_and_equals_signs_inside_quotes()
    {
        var p = Parse("Digest qop=\"auth, auth-int\", realm=\"x=1, y=2\", nonce=\"n\"");

        Assert.Equal("auth, auth-int", p["qop"]);
        Assert.Equal("x=1, y=2", p["realm"]);
        Assert.Equal("n", p["nonce"]);
    }

    [Fact]
    public void Parser_should_accept_whitespace_around_equals_and_commas_and_empty_list_elements()
    {
        var p = Parse("  Digest \t realm = \"r\"  ,nonce\t=\"n\" ,, , opaque= o  ,");

        Assert.Equal(["nonce", "opaque", "realm"], p.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("o", p["opaque"]);
    }

    [Fact]
    public void Parser_should_accept_folded_lines_between_and_inside_parameters()
    {
        var p = Parse("Digest\r\n realm=\"multi\r\n\tline\",\r\n  nonce=\"n\"");

        Assert.Equal("multi line", p["realm"]);
        Assert.Equal("n", p["nonce"]);
    }

    [Fact]
    public void Parser_should_match_scheme_and_parameter_names_case_insensitively()
    {
        Assert.True(AuthHeaderParser.TryParse("DIGEST REALM=\"r\"", out var scheme, out var p));

        Assert.Equal("DIGEST", scheme);
        Assert.Equal("r", p["realm"]);
        Assert.True(DigestChallenge.TryParse("dIgEsT ReAlM=\"r\", NONCE=\"n\", Algorithm=sha-256", out var challenge));
        Assert.Equal(DigestAlgorithm.Sha256, challenge.Algorithm);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Digest realm")]
    [InlineData("Digest realm=")]
    [InlineData("Digest realm=\"unterminated")]
    [InlineData("Digest realm=\"ends in backslash\\")]
    [InlineData("Digest realm=\"r\" nonce=\"n\"")]
    [InlineData("Digest =\"r\"")]
    [InlineData("Digest realm=a b")]
    [InlineData("Digest realm=/path")]
    [InlineData("Digest realm=\"r\", realm=\"again\"")]
    [InlineData("Digest realm=\"r\", REALM=\"again\"")]
    [InlineData("Digest,realm=\"r\"")]
    [InlineData("Digest realm=\"bare\nnewline\"")]
    [InlineData("Digest realm=\"bare\rcr\"")]
    [InlineData("Digest realm=\"escaped\\\rcr\"")]
    [InlineData("Digest realm=\"nul\0\"")]
    [InlineData("Digest realm=\"r\"\r\nX-Injected: 1")]
    [InlineData("\"Digest\" realm=\"r\"")]
    public void Parser_should_reject_malformed_values(string value)
    {
        Assert.False(AuthHeaderParser.TryParse(value, out _, out _));
    }

    [Fact]
    public void Parser_should_reject_values_over_the_size_limit()
    {
        var padding = new string('a', AuthHeaderParser.MaxValueLength);

        Assert.False(AuthHeaderParser.TryParse($"Digest realm=\"{padding}\"", out _, out _));
    }

    [Fact]
    public void Parser_should_reject_more_parameters_than_the_limit()
    {
        var atLimit = "Digest " + string.Join(", ", Enumerable.Range(0, AuthHeaderParser.MaxParameters).Select(i => $"p{i}=v"));
        var overLimit = atLimit + ", extra=v";

        Assert.True(AuthHeaderParser.TryParse(atLimit, out _, out _));
        Assert.False(AuthHeaderParser.TryParse(overLimit, out _, out _));
    }

    [Fact]
    public void Writer_should_escape_quotes_and_backslashes_so_the_parser_reads_the_same_value()
    {
        var value = "we\"ird\\ \tval, ue=é";

        var written = new AuthHeaderWriter("Digest").Quoted("realm", value).Token("stale", "true").ToString();

        Assert.Equal("Digest realm=\"we\\\"ird\\\\ \tval, ue=é\", stale=true", written);
        Assert.Equal(value, Parse(written)["realm"]);
    }

    [Fact]
    public void Writer_should_drop_line_breaks_so_a_value_cannot_split_the_header()
    {
        var written = new AuthHeaderWriter("Digest").Quoted("username", "bob\r\nVia: evil\0").ToString();

        Assert.Equal("Digest username=\"bobVia: evil\"", written);
    }

    private static IReadOnlyDictionary<string, string> Parse(string value)
    {
        Assert.True(AuthHeaderParser.TryParse(value, out _, out var parameters), value);
        return parameters;
    }
}
