using CallCenter.Sip.Auth;
using static CallCenter.Sip.Tests.Auth.RfcVectors;

namespace CallCenter.Sip.Tests.Auth;

public class DigestChallengeSpec
{
    [Fact]
    public void Challenge_should_parse_the_RFC_7616_example()
    {
        Assert.True(DigestChallenge.TryParse(Rfc7616.Sha256Challenge, out var challenge));

        var expected = new DigestChallenge(Rfc7616.Realm, Rfc7616.Nonce)
        {
            Opaque = Rfc7616.Opaque,
            Algorithm = DigestAlgorithm.Sha256,
            Qop = DigestQopOptions.Auth | DigestQopOptions.AuthInt,
        };
        Assert.Equal(expected, challenge);
    }

    [Fact]
    public void Challenge_should_default_to_MD5_without_qop_when_those_are_absent()
    {
        Assert.True(DigestChallenge.TryParse("Digest realm=\"r\", nonce=\"n\"", out var challenge));

        Assert.Equal(DigestAlgorithm.Md5, challenge.Algorithm);
        Assert.Equal(DigestQopOptions.None, challenge.Qop);
        Assert.Null(challenge.Opaque);
        Assert.False(challenge.Stale);
    }

    [Theory]
    [InlineData("stale=true", true)]
    [InlineData("stale=TRUE", true)]
    [InlineData("stale=\"true\"", true)]
    [InlineData("stale=false", false)]
    [InlineData("stale=maybe", false)]
    public void Challenge_should_read_the_stale_flag(string parameter, bool expected)
    {
        Assert.True(DigestChallenge.TryParse($"Digest realm=\"r\", nonce=\"n\", {parameter}", out var challenge));

        Assert.Equal(expected, challenge.Stale);
    }

    [Fact]
    public void Challenge_should_ignore_unknown_qop_values_and_parameters()
    {
        Assert.True(DigestChallenge.TryParse("Digest realm=\"r\", nonce=\"n\", qop=\"future,auth\", charset=UTF-8", out var challenge));

        Assert.Equal(DigestQopOptions.Auth, challenge.Qop);
    }

    [Theory]
    [InlineData("Digest nonce=\"n\"")]
    [InlineData("Digest realm=\"r\"")]
    [InlineData("Basic realm=\"r\", nonce=\"n\"")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", qop=\"auth-conf\"")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", nonce=\"m\"")]
    [InlineData("garbage")]
    public void Challenge_should_reject_values_it_cannot_answer(string value)
    {
        Assert.False(DigestChallenge.TryParse(value, out var challenge));
        Assert.Null(challenge);
    }

    [Fact]
    public void Challenge_should_format_a_value_that_parses_back_to_itself()
    {
        var challenge = new DigestChallenge("sip \"domain\"", "abc/def=")
        {
            Opaque = "op",
            Algorithm = DigestAlgorithm.Sha256Sess,
            Qop = DigestQopOptions.Auth | DigestQopOptions.AuthInt,
            Stale = true,
            Domain = "sip:a.example sip:b.example",
            Userhash = true,
        };

        var text = challenge.ToString();

        Assert.Equal(
            "Digest realm=\"sip \\\"domain\\\"\", domain=\"sip:a.example sip:b.example\", nonce=\"abc/def=\", opaque=\"op\", "
            + "stale=true, algorithm=SHA-256-sess, qop=\"auth,auth-int\", userhash=true",
            text);
        Assert.True(DigestChallenge.TryParse(text, out var parsed));
        Assert.Equal(challenge, parsed);
    }
}
