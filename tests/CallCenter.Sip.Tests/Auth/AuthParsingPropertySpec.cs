using CallCenter.Testing;
using CallCenter.Sip.Auth;
using CsCheck;

namespace CallCenter.Sip.Tests.Auth;

public class AuthParsingPropertySpec
{
    /// <summary>Pieces that steer random input into the parser's interesting corners.</summary>
    private static readonly Gen<string> Fragment = Gen.OneOf(
        Gen.OneOf("Digest", "digest ", " ", "\t", "\r\n ", "\r\n", "\r", "\n", ",", "=", "\"", "\\", "\\\"", "\0", "\u007f",
            "realm", "nonce", "username", "uri", "response", "qop", "nc", "cnonce", "algorithm", "opaque", "stale",
            "auth", "auth-int", "MD5", "SHA-256-sess", "00000001", "ffffffff", "true", "é", "\u4e2d", "\ud800"),
        Gen.String);

    private static readonly Gen<string> HostileInput = Gen.OneOf(
        Gen.String,
        Gen.String["Digest realm=\"\\,\t\r\n abc"],
        Fragment.Array[0, 60].Select(string.Concat));

    /// <summary>Any text a quoted-string can carry: everything but CR, LF and other controls.</summary>
    private static readonly Gen<string> QuotableText = Gen.String["abcXYZ019 \t\"\\,=;:/@._-~é\u4e2d"];

    private static Gen<string?> OrNull(Gen<string> gen) => Gen.Select(Gen.Bool, gen, (present, value) => present ? value : null);

    [Fact]
    public void Parsers_should_never_throw_on_random_input()
    {
        HostileInput.Sample(value =>
        {
            AuthHeaderParser.TryParse(value, out _, out _);
            DigestChallenge.TryParse(value, out _);
            DigestCredentials.TryParse(value, out _);
        });
    }

    [Fact]
    public void Authenticator_should_never_throw_on_random_credentials()
    {
        var store = InMemoryDigestCredentialStore.FromPasswords("example.com", [("alice", "secret")]);
        var authenticator = new DigestAuthenticator(new DigestAuthenticatorOptions { Realm = "example.com" }, store, new ManualTimeProvider());
        var nonce = authenticator.CreateChallenges()[0].Nonce;
        var nearMiss = Fragment.Array[0, 20].Select(parts =>
            $"Digest username=\"alice\", realm=\"example.com\", nonce=\"{nonce}\", uri=\"sip:example.com\", {string.Concat(parts)}");

        Gen.OneOf(HostileInput, nearMiss).Sample(value =>
        {
            var result = authenticator.Verify("REGISTER", "sip:example.com", value);
            Assert.IsNotType<DigestAuthResult.Success>(result);
        });
    }

    [Fact]
    public void Authenticator_should_never_throw_on_random_nonce_and_response_values()
    {
        var store = InMemoryDigestCredentialStore.FromPasswords("example.com", [("alice", "secret")]);
        var authenticator = new DigestAuthenticator(new DigestAuthenticatorOptions { Realm = "example.com" }, store, new ManualTimeProvider());
        var nonce = authenticator.CreateChallenges()[0].Nonce;
        var oddChars = Gen.Char["AZaz09-_+/= .\"é\u0000g"];
        var nonces = Gen.OneOf(Gen.Const(nonce), oddChars.Array[nonce.Length].Select(a => new string(a)), Gen.String);
        var responses = Gen.OneOf(oddChars.Array[32].Select(a => new string(a)), oddChars.Array[64].Select(a => new string(a)), Gen.String);
        var gen =
            from n in nonces
            from response in responses
            from algorithm in Gen.Enum<DigestAlgorithm>()
            from qop in Gen.OneOf(DigestQop.None, DigestQop.Auth, DigestQop.AuthInt)
            from nc in Gen.UInt
            from cnonce in OrNull(Gen.String)
            select new DigestCredentials("alice", "example.com", n, "sip:example.com", response)
            {
                Algorithm = algorithm,
                Qop = qop,
                NonceCount = nc,
                Cnonce = cnonce,
            };

        gen.Sample(credentials =>
        {
            var result = authenticator.Verify("REGISTER", "sip:example.com", credentials);
            Assert.IsNotType<DigestAuthResult.Success>(result);
        });
    }

    [Fact]
    public void Challenge_should_survive_a_format_and_parse_round_trip()
    {
        var gen =
            from realm in QuotableText
            from nonce in QuotableText
            from opaque in OrNull(QuotableText)
            from domain in OrNull(QuotableText)
            from algorithm in Gen.Enum<DigestAlgorithm>()
            from qop in Gen.OneOf(DigestQopOptions.None, DigestQopOptions.Auth, DigestQopOptions.AuthInt, DigestQopOptions.Auth | DigestQopOptions.AuthInt)
            from stale in Gen.Bool
            from userhash in Gen.Bool
            select new DigestChallenge(realm, nonce)
            {
                Opaque = opaque,
                Domain = domain,
                Algorithm = algorithm,
                Qop = qop,
                Stale = stale,
                Userhash = userhash,
            };

        gen.Sample(challenge => DigestChallenge.TryParse(challenge.ToString(), out var parsed) && parsed == challenge);
    }

    [Fact]
    public void Credentials_should_survive_a_format_and_parse_round_trip()
    {
        var gen =
            from username in QuotableText
            from realm in QuotableText
            from nonce in QuotableText
            from uri in QuotableText
            from response in QuotableText.Where(r => r.Length > 0)
            from algorithm in Gen.Enum<DigestAlgorithm>()
            from qop in Gen.OneOf(DigestQop.None, DigestQop.Auth, DigestQop.AuthInt)
            from cnonce in QuotableText
            from nc in Gen.UInt
            from opaque in OrNull(QuotableText)
            from userhash in Gen.Bool
            select new DigestCredentials(username, realm, nonce, uri, response)
            {
                Algorithm = algorithm,
                Qop = qop,
                Cnonce = qop == DigestQop.None ? null : cnonce,
                NonceCount = qop == DigestQop.None ? 0 : nc,
                Opaque = opaque,
                Userhash = userhash,
            };

        gen.Sample(credentials => DigestCredentials.TryParse(credentials.ToString(), out var parsed) && parsed == credentials);
    }
}
