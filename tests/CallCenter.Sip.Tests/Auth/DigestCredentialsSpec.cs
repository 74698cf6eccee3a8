using CallCenter.Sip.Auth;
using static CallCenter.Sip.Tests.Auth.RfcVectors;

namespace CallCenter.Sip.Tests.Auth;

public class DigestCredentialsSpec
{
    [Fact]
    public void Credentials_should_parse_the_RFC_7616_example_as_printed()
    {
        Assert.True(DigestCredentials.TryParse(Rfc7616.Md5Authorization, out var credentials));

        var expected = new DigestCredentials(Username, Rfc7616.Realm, Rfc7616.Nonce, RequestUri, Rfc7616.Md5Response)
        {
            Algorithm = DigestAlgorithm.Md5,
            Cnonce = Rfc7616.Cnonce,
            Opaque = Rfc7616.Opaque,
            Qop = DigestQop.Auth,
            NonceCount = 1,
        };
        Assert.Equal(expected, credentials);
    }

    [Fact]
    public void Credentials_of_the_RFC_2617_example_should_carry_a_response_matching_the_password()
    {
        Assert.True(DigestCredentials.TryParse(Rfc2617.Authorization, out var c));

        var ha1 = DigestHash.ComputeHa1(c.Algorithm, c.Username, c.Realm, Rfc2617.Password);
        var response = DigestHash.ComputeResponse(c.Algorithm, ha1, c.Nonce, Method, c.Uri, c.Qop, c.Cnonce, c.NonceCount);

        Assert.Equal(c.Response, response);
        Assert.Equal(Rfc2617.Response, response);
    }

    [Fact]
    public void Credentials_should_format_in_the_RFC_7616_parameter_order()
    {
        Assert.True(DigestCredentials.TryParse(Rfc7616.Md5Authorization, out var credentials));

        Assert.Equal(
            "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", algorithm=MD5, "
            + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, "
            + "cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth, "
            + "response=\"8ca523f5e9506fed4657c9700eebdbec\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
            credentials.ToString());
    }

    [Fact]
    public void Credentials_should_read_the_RFC_2069_form_without_qop()
    {
        Assert.True(DigestCredentials.TryParse(
            "Digest username=\"bob\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"abcd\"", out var credentials));

        Assert.Equal(DigestQop.None, credentials.Qop);
        Assert.Equal(0u, credentials.NonceCount);
        Assert.Null(credentials.Cnonce);
        Assert.Equal(DigestAlgorithm.Md5, credentials.Algorithm);
        Assert.Equal("Digest username=\"bob\", realm=\"r\", uri=\"sip:r\", algorithm=MD5, nonce=\"n\", response=\"abcd\"", credentials.ToString());
    }

    [Fact]
    public void Credentials_should_accept_a_quoted_qop_as_some_user_agents_send()
    {
        Assert.True(DigestCredentials.TryParse(
            "Digest username=\"bob\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"ab\", qop=\"auth\", nc=0000000A, cnonce=\"c\"",
            out var credentials));

        Assert.Equal(DigestQop.Auth, credentials.Qop);
        Assert.Equal(10u, credentials.NonceCount);
    }

    [Theory]
    [InlineData("realm=\"r\", nonce=\"n\", uri=\"u\", response=\"ab\"")]
    [InlineData("username=\"b\", nonce=\"n\", uri=\"u\", response=\"ab\"")]
    [InlineData("username=\"b\", realm=\"r\", uri=\"u\", response=\"ab\"")]
    [InlineData("username=\"b\", realm=\"r\", nonce=\"n\", response=\"ab\"")]
    [InlineData("username=\"b\", realm=\"r\", nonce=\"n\", uri=\"u\"")]
    [InlineData("username=\"b\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"\"")]
    [InlineData("username=\"b\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"ab\", qop=auth, nc=00000001")]
    [InlineData("username=\"b\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"ab\", qop=auth, cnonce=\"c\"")]
    [InlineData("username=\"b\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"ab\", qop=auth, cnonce=\"c\", nc=1")]
    [InlineData("username=\"b\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"ab\", qop=auth, cnonce=\"c\", nc=0000000g")]
    [InlineData("username=\"b\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"ab\", qop=auth, cnonce=\"c\", nc=+0000001")]
    [InlineData("username=\"b\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"ab\", qop=auth-conf, cnonce=\"c\", nc=00000001")]
    [InlineData("username=\"b\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"ab\", algorithm=SHA-1")]
    public void Credentials_should_reject_missing_or_invalid_fields(string parameters)
    {
        Assert.False(DigestCredentials.TryParse("Digest " + parameters, out var credentials));
        Assert.Null(credentials);
    }

    [Fact]
    public void Credentials_should_not_be_read_from_another_scheme()
    {
        Assert.False(DigestCredentials.TryParse("Basic username=\"b\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"ab\"", out _));
        Assert.False(DigestCredentials.TryParse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", out _));
    }

    [Fact]
    public void Credentials_should_format_a_value_that_parses_back_to_itself()
    {
        var credentials = new DigestCredentials("us\\er", "re\"alm", "n", "sip:bob@example.com;transport=tcp", "00ff")
        {
            Algorithm = DigestAlgorithm.Sha256,
            Cnonce = "c,n",
            Opaque = "o",
            Qop = DigestQop.Auth,
            NonceCount = 0xdeadbeef,
            Userhash = true,
        };

        Assert.True(DigestCredentials.TryParse(credentials.ToString(), out var parsed));
        Assert.Equal(credentials, parsed);
    }
}
