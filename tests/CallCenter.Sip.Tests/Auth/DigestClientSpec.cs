using CallCenter.Sip.Auth;
using static CallCenter.Sip.Tests.Auth.RfcVectors;

namespace CallCenter.Sip.Tests.Auth;

public class DigestClientSpec
{
    [Theory]
    [InlineData("MD5", Rfc7616.Md5Response)]
    [InlineData("SHA-256", Rfc7616.Sha256Response)]
    public void Client_should_answer_the_RFC_7616_challenge_with_the_example_response(string algorithm, string expected)
    {
        var client = new DigestClient(() => Rfc7616.Cnonce);
        var challenge = Rfc7616.Sha256Challenge.Replace("SHA-256", algorithm, StringComparison.Ordinal);

        Assert.True(client.TryAuthorize(challenge, Username, Rfc7616.Password, Method, RequestUri, out var authorization));

        Assert.Equal(
            $"Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", algorithm={algorithm}, "
            + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, "
            + "cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth, "
            + $"response=\"{expected}\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
            authorization);
    }

    [Fact]
    public void Client_should_count_requests_per_nonce()
    {
        var client = new DigestClient(() => "c");
        var first = new DigestChallenge("r", "nonce-1") { Qop = DigestQopOptions.Auth };
        var second = new DigestChallenge("r", "nonce-2") { Qop = DigestQopOptions.Auth };

        var counts = new[] { first, first, second, first, second }
            .Select(ch => Authorize(client, ch).NonceCount)
            .ToArray();

        Assert.Equal([1u, 2u, 1u, 3u, 2u], counts);
    }

    [Fact]
    public void Client_should_restart_counting_a_nonce_it_has_forgotten()
    {
        var client = new DigestClient(() => "c", maxTrackedNonces: 2);
        var challenges = Enumerable.Range(0, 3).Select(i => new DigestChallenge("r", $"n{i}") { Qop = DigestQopOptions.Auth }).ToArray();

        Authorize(client, challenges[0]);
        Authorize(client, challenges[0]);
        Authorize(client, challenges[1]);
        Authorize(client, challenges[2]);

        Assert.Equal(1u, Authorize(client, challenges[0]).NonceCount);
    }

    [Fact]
    public void Client_should_use_the_RFC_2069_form_when_no_qop_is_offered()
    {
        var cnonceCalls = 0;
        var client = new DigestClient(() => $"c{++cnonceCalls}");
        var challenge = new DigestChallenge(Rfc2617.Realm, Rfc2617.Nonce);

        var credentials = Authorize(client, challenge, password: Rfc2617.Password);

        Assert.Equal(DigestQop.None, credentials.Qop);
        Assert.Null(credentials.Cnonce);
        Assert.Equal(0, cnonceCalls);
        Assert.DoesNotContain("nc=", credentials.ToString(), StringComparison.Ordinal);
        var expected = DigestHash.ComputeResponse(DigestAlgorithm.Md5, Rfc2617.Ha1, Rfc2617.Nonce, Method, RequestUri, DigestQop.None, null, 0);
        Assert.Equal(expected, credentials.Response);
    }

    [Fact]
    public void Client_should_refuse_a_challenge_that_offers_only_auth_int()
    {
        var client = new DigestClient(() => "c");
        var challenge = new DigestChallenge("r", "n") { Qop = DigestQopOptions.AuthInt };

        Assert.False(client.TryAuthorize(challenge, Username, "pw", Method, RequestUri, out DigestCredentials? credentials));
        Assert.Null(credentials);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Basic realm=\"r\"")]
    [InlineData("Digest realm=\"r\"")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256")]
    public void Client_should_return_false_for_challenges_it_cannot_read(string challenge)
    {
        var client = new DigestClient(() => "c");

        Assert.False(client.TryAuthorize(challenge, Username, "pw", Method, RequestUri, out string? authorization));
        Assert.Null(authorization);
    }

    [Fact]
    public void Client_should_select_the_first_challenge_it_can_answer()
    {
        string[] values =
        [
            "Basic realm=\"r\"",
            "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256, qop=\"auth\"",
            "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256, qop=\"auth-int\"",
            "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256, qop=\"auth\"",
            "Digest realm=\"r\", nonce=\"n\", algorithm=MD5, qop=\"auth\"",
        ];

        Assert.True(DigestClient.TrySelectChallenge(values, out var challenge));

        Assert.Equal(DigestAlgorithm.Sha256, challenge.Algorithm);
        Assert.Equal(DigestQopOptions.Auth, challenge.Qop);
        Assert.False(DigestClient.TrySelectChallenge(values[..3], out _));
    }

    [Fact]
    public void Client_should_send_a_hashed_username_when_the_challenge_asks_for_userhash()
    {
        var client = new DigestClient(() => "c");
        var challenge = new DigestChallenge("r", "n") { Algorithm = DigestAlgorithm.Sha256, Qop = DigestQopOptions.Auth, Userhash = true };

        var credentials = Authorize(client, challenge);

        Assert.True(credentials.Userhash);
        Assert.Equal(DigestHash.ComputeUserhash(DigestAlgorithm.Sha256, Username, "r"), credentials.Username);
        Assert.Equal(64, credentials.Username.Length);
    }

    [Fact]
    public void Client_should_draw_a_fresh_random_cnonce_by_default()
    {
        var client = new DigestClient();
        var challenge = new DigestChallenge("r", "n") { Qop = DigestQopOptions.Auth };

        var first = Authorize(client, challenge).Cnonce;
        var second = Authorize(client, challenge).Cnonce;

        Assert.NotNull(first);
        Assert.Equal(32, first.Length);
        Assert.NotEqual(first, second);
    }

    private static DigestCredentials Authorize(DigestClient client, DigestChallenge challenge, string password = "pw")
    {
        Assert.True(client.TryAuthorize(challenge, Username, password, Method, RequestUri, out DigestCredentials? credentials));
        return credentials;
    }
}
