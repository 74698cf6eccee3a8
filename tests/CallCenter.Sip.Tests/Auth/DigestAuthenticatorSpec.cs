using CallCenter.Testing;
using CallCenter.Sip.Auth;

namespace CallCenter.Sip.Tests.Auth;

public class DigestAuthenticatorSpec
{
    private const string Realm = "example.com";
    private const string RequestUri = "sip:example.com";
    private const string Method = "REGISTER";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ManualTimeProvider _clock = new();
    private readonly InMemoryDigestCredentialStore _store =
        InMemoryDigestCredentialStore.FromPasswords(Realm, [("alice", "secret"), ("bob", "hunter2")]);

    [Fact]
    public void Authenticator_should_offer_SHA256_then_MD5_sharing_one_nonce()
    {
        var challenges = NewAuthenticator().CreateChallenges();

        Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], challenges.Select(c => c.Algorithm));
        Assert.All(challenges, c =>
        {
            Assert.Equal(Realm, c.Realm);
            Assert.Equal(DigestQopOptions.Auth, c.Qop);
            Assert.False(c.Stale);
            Assert.False(string.IsNullOrEmpty(c.Opaque));
            Assert.Equal(challenges[0].Nonce, c.Nonce);
            Assert.True(DigestChallenge.TryParse(c.ToString(), out var parsed));
            Assert.Equal(c, parsed);
        });
    }

    [Fact]
    public void Authenticator_should_issue_a_fresh_nonce_per_challenge_and_mark_stale_ones()
    {
        var authenticator = NewAuthenticator();

        var first = authenticator.CreateChallenges()[0];
        var second = authenticator.CreateChallenges(stale: true)[0];

        Assert.NotEqual(first.Nonce, second.Nonce);
        Assert.True(second.Stale);
        Assert.Contains("stale=true", second.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Md5)]
    public void Authenticator_should_accept_the_answer_of_a_client_with_the_right_password(DigestAlgorithm algorithm)
    {
        var authenticator = NewAuthenticator();
        var challenge = ChallengeFor(authenticator, algorithm);

        var result = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), challenge));

        Assert.Equal(new DigestAuthResult.Success("alice"), result);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Sha256Sess)]
    [InlineData(DigestAlgorithm.Md5Sess)]
    public void Authenticator_should_accept_sess_algorithms_when_configured(DigestAlgorithm algorithm)
    {
        var authenticator = NewAuthenticator(o => o with { Algorithms = [algorithm] });
        var challenge = ChallengeFor(authenticator, algorithm);

        var result = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), challenge));

        Assert.Equal(new DigestAuthResult.Success("alice"), result);
    }

    [Fact]
    public void Authenticator_should_accept_later_requests_reusing_a_nonce_with_a_higher_nc()
    {
        var authenticator = NewAuthenticator();
        var client = new DigestClient();
        var challenge = ChallengeFor(authenticator, DigestAlgorithm.Sha256);

        var results = Enumerable.Range(0, 3)
            .Select(_ => authenticator.Verify("INVITE", RequestUri, Answer(client, challenge, method: "INVITE")))
            .ToArray();

        Assert.All(results, r => Assert.Equal(new DigestAuthResult.Success("alice"), r));
    }

    [Fact]
    public void Authenticator_should_accept_a_response_in_upper_case_hex()
    {
        var authenticator = NewAuthenticator();
        var credentials = AnswerCredentials(new DigestClient(), ChallengeFor(authenticator, DigestAlgorithm.Md5));

        var result = authenticator.Verify(Method, RequestUri, credentials with { Response = credentials.Response.ToUpperInvariant() });

        Assert.IsType<DigestAuthResult.Success>(result);
    }

    [Fact]
    public void Authenticator_should_fail_a_wrong_password()
    {
        var authenticator = NewAuthenticator();

        var result = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), ChallengeFor(authenticator, DigestAlgorithm.Sha256), password: "guess"));

        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.InvalidResponse, "alice"), result);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Md5)]
    public void Authenticator_should_fail_an_unknown_user_exactly_like_a_wrong_password(DigestAlgorithm algorithm)
    {
        var store = new RecordingStore(_store);
        var authenticator = new DigestAuthenticator(Options(), store, _clock);
        var challenge = ChallengeFor(authenticator, algorithm);

        var wrongPassword = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), challenge, user: "bob", password: "guess"));
        var unknownUser = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), challenge, user: "mallory", password: "guess"));

        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.InvalidResponse, "bob"), wrongPassword);
        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.InvalidResponse, "mallory"), unknownUser);
        Assert.Equal([("bob", algorithm), ("mallory", algorithm)], store.Lookups);
    }

    [Fact]
    public void Authenticator_should_report_stale_for_a_right_response_after_the_nonce_lifetime()
    {
        var authenticator = NewAuthenticator();
        var challenge = ChallengeFor(authenticator, DigestAlgorithm.Sha256);
        _clock.Advance(Lifetime + TimeSpan.FromMilliseconds(1));

        var result = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), challenge));

        Assert.Equal(new DigestAuthResult.Stale("alice"), result);
    }

    [Fact]
    public void Authenticator_should_accept_a_nonce_at_the_end_of_its_lifetime()
    {
        var authenticator = NewAuthenticator();
        var challenge = ChallengeFor(authenticator, DigestAlgorithm.Sha256);
        _clock.Advance(Lifetime);

        var result = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), challenge));

        Assert.IsType<DigestAuthResult.Success>(result);
    }

    [Theory]
    [InlineData("alice", "guess")]
    [InlineData("mallory", "secret")]
    public void Authenticator_should_fail_rather_than_report_stale_when_an_expired_answer_is_wrong(string user, string password)
    {
        var authenticator = NewAuthenticator();
        var challenge = ChallengeFor(authenticator, DigestAlgorithm.Md5);
        _clock.Advance(Lifetime * 2);

        var result = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), challenge, user: user, password: password));

        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.InvalidResponse, user), result);
    }

    [Fact]
    public void Authenticator_should_fail_nonces_it_did_not_issue()
    {
        var authenticator = NewAuthenticator();
        var ours = ChallengeFor(authenticator, DigestAlgorithm.Sha256);
        var otherServer = ChallengeFor(NewAuthenticator(), DigestAlgorithm.Sha256);
        var tampered = ours.Nonce[..10] + (ours.Nonce[10] == 'A' ? 'B' : 'A') + ours.Nonce[11..];
        string[] forged = [otherServer.Nonce, tampered, "abc", new string('A', ours.Nonce.Length), ours.Nonce + "A", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"];

        foreach (var nonce in forged)
        {
            var result = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), ours with { Nonce = nonce }));

            Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.InvalidNonce, "alice"), result);
        }
    }

    [Theory]
    [InlineData('+')]
    [InlineData('/')]
    [InlineData('=')]
    [InlineData(' ')]
    [InlineData('.')]
    [InlineData('é')]
    public void Authenticator_should_fail_a_nonce_of_the_right_length_with_characters_outside_base64url(char foreign)
    {
        var authenticator = NewAuthenticator();
        var challenge = ChallengeFor(authenticator, DigestAlgorithm.Sha256);
        var nonce = challenge.Nonce[..20] + foreign + challenge.Nonce[21..];

        var result = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), challenge with { Nonce = nonce }));

        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.InvalidNonce, "alice"), result);
    }

    [Fact]
    public void Authenticator_should_not_accept_a_standard_base64_spelling_of_a_used_nonce()
    {
        var authenticator = NewAuthenticator();
        DigestChallenge challenge;
        do
        {
            challenge = ChallengeFor(authenticator, DigestAlgorithm.Sha256);
        }
        while (!challenge.Nonce.Contains('-', StringComparison.Ordinal) && !challenge.Nonce.Contains('_', StringComparison.Ordinal));

        var respelled = challenge with { Nonce = challenge.Nonce.Replace('-', '+').Replace('_', '/') };
        var first = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), challenge));
        var replay = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), respelled));

        Assert.IsType<DigestAuthResult.Success>(first);
        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.InvalidNonce, "alice"), replay);
    }

    [Fact]
    public void Authenticator_should_fail_a_nonce_from_another_realm_even_with_the_same_key()
    {
        var key = new byte[32];
        var other = new DigestAuthenticator(Options() with { Realm = "other.example", NonceKey = key }, _store, _clock);
        var authenticator = NewAuthenticator(o => o with { NonceKey = key });
        var nonce = other.CreateChallenges()[0].Nonce;

        var result = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), ChallengeFor(authenticator, DigestAlgorithm.Md5) with { Nonce = nonce }));

        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.InvalidNonce, "alice"), result);
    }

    [Fact]
    public void Authenticators_sharing_a_key_should_accept_each_others_nonces()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var node1 = NewAuthenticator(o => o with { NonceKey = key });
        var node2 = NewAuthenticator(o => o with { NonceKey = key });

        var result = node2.Verify(Method, RequestUri, Answer(new DigestClient(), ChallengeFor(node1, DigestAlgorithm.Sha256)));

        Assert.IsType<DigestAuthResult.Success>(result);
    }

    [Fact]
    public void Authenticator_should_fail_a_replayed_nonce_count()
    {
        var authenticator = NewAuthenticator();
        var authorization = Answer(new DigestClient(), ChallengeFor(authenticator, DigestAlgorithm.Sha256));

        var first = authenticator.Verify(Method, RequestUri, authorization);
        var replay = authenticator.Verify(Method, RequestUri, authorization);

        Assert.IsType<DigestAuthResult.Success>(first);
        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.NonceReplayed, "alice"), replay);
    }

    [Fact]
    public void Authenticator_should_fail_a_lower_nonce_count_than_one_already_accepted()
    {
        var authenticator = NewAuthenticator();
        var client = new DigestClient();
        var challenge = ChallengeFor(authenticator, DigestAlgorithm.Md5);
        var nc1 = Answer(client, challenge);
        var nc2 = Answer(client, challenge);

        Assert.IsType<DigestAuthResult.Success>(authenticator.Verify(Method, RequestUri, nc2));
        var result = authenticator.Verify(Method, RequestUri, nc1);

        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.NonceReplayed, "alice"), result);
    }

    [Fact]
    public void Authenticator_should_not_let_a_failed_attempt_burn_nonce_counts()
    {
        var authenticator = NewAuthenticator();
        var challenge = ChallengeFor(authenticator, DigestAlgorithm.Sha256);
        var client = new DigestClient();
        var legit = AnswerCredentials(client, challenge);
        var attacker = legit with { NonceCount = 0xffffffff, Response = new string('0', 64) };

        var attack = authenticator.Verify(Method, RequestUri, attacker);
        var result = authenticator.Verify(Method, RequestUri, legit);

        Assert.IsType<DigestAuthResult.Failure>(attack);
        Assert.IsType<DigestAuthResult.Success>(result);
    }

    [Fact]
    public void Authenticator_should_fail_credentials_for_another_realm()
    {
        var authenticator = NewAuthenticator();
        var challenge = ChallengeFor(authenticator, DigestAlgorithm.Sha256) with { Realm = "evil.example" };

        var result = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), challenge));

        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.RealmMismatch, "alice"), result);
    }

    [Fact]
    public void Authenticator_should_fail_a_digest_uri_that_is_not_the_request_uri()
    {
        var authenticator = NewAuthenticator();
        var authorization = Answer(new DigestClient(), ChallengeFor(authenticator, DigestAlgorithm.Sha256), uri: "sip:other.example");

        var result = authenticator.Verify(Method, RequestUri, authorization);

        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.UriMismatch, "alice"), result);
    }

    [Fact]
    public void Authenticator_should_skip_the_uri_check_when_configured_without_one()
    {
        var authenticator = NewAuthenticator(o => o with { UriMatches = null });
        var authorization = Answer(new DigestClient(), ChallengeFor(authenticator, DigestAlgorithm.Sha256), uri: "sip:other.example");

        var result = authenticator.Verify(Method, RequestUri, authorization);

        Assert.IsType<DigestAuthResult.Success>(result);
    }

    [Fact]
    public void Authenticator_should_fail_an_answer_computed_for_another_method()
    {
        var authenticator = NewAuthenticator();
        var authorization = Answer(new DigestClient(), ChallengeFor(authenticator, DigestAlgorithm.Sha256), method: "INVITE");

        var result = authenticator.Verify("BYE", RequestUri, authorization);

        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.InvalidResponse, "alice"), result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")]
    [InlineData("Digestive biscuits")]
    public void Authenticator_should_report_missing_credentials_when_there_is_no_digest_header(string? authorization)
    {
        var result = NewAuthenticator().Verify(Method, RequestUri, authorization);

        Assert.Same(DigestAuthResult.Missing.Instance, result);
    }

    [Theory]
    [InlineData("Digest")]
    [InlineData("Digest username=\"alice\"")]
    [InlineData("digest username=\"alice\", realm=\"example.com\", nonce=\"n\", uri=\"sip:example.com\", response=\"xx\", qop=auth")]
    [InlineData("Digest \"garbage")]
    public void Authenticator_should_fail_malformed_digest_credentials(string authorization)
    {
        var result = NewAuthenticator().Verify(Method, RequestUri, authorization);

        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.MalformedCredentials, null), result);
    }

    [Fact]
    public void Authenticator_should_pick_the_credentials_for_its_realm_among_several()
    {
        var authenticator = NewAuthenticator();
        var ours = Answer(new DigestClient(), ChallengeFor(authenticator, DigestAlgorithm.Sha256));
        var otherProxy = Answer(new DigestClient(), ChallengeFor(NewAuthenticator(o => o with { Realm = "proxy.example" }), DigestAlgorithm.Md5));

        var result = authenticator.Verify(Method, RequestUri, ["Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", otherProxy, ours]);

        Assert.Equal(new DigestAuthResult.Success("alice"), result);
    }

    [Fact]
    public void Authenticator_should_report_the_first_digest_outcome_when_no_value_is_for_its_realm()
    {
        var authenticator = NewAuthenticator();
        var otherProxy = Answer(new DigestClient(), ChallengeFor(NewAuthenticator(o => o with { Realm = "proxy.example" }), DigestAlgorithm.Md5));

        var mismatch = authenticator.Verify(Method, RequestUri, ["Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", otherProxy, "Digest junk"]);
        var missing = authenticator.Verify(Method, RequestUri, ["Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="]);
        var none = authenticator.Verify(Method, RequestUri, Array.Empty<string>());

        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.RealmMismatch, "alice"), mismatch);
        Assert.Same(DigestAuthResult.Missing.Instance, missing);
        Assert.Same(DigestAuthResult.Missing.Instance, none);
    }

    [Fact]
    public void Authenticator_should_accept_the_RFC_2069_form_once_per_nonce()
    {
        var authenticator = NewAuthenticator();
        var challenge = ChallengeFor(authenticator, DigestAlgorithm.Md5) with { Qop = DigestQopOptions.None };
        var authorization = Answer(new DigestClient(), challenge);

        var first = authenticator.Verify(Method, RequestUri, authorization);
        var again = authenticator.Verify(Method, RequestUri, authorization);

        Assert.DoesNotContain("qop=", authorization, StringComparison.Ordinal);
        Assert.Equal(new DigestAuthResult.Success("alice"), first);
        Assert.Equal(new DigestAuthResult.Stale("alice"), again);
    }

    [Fact]
    public void Authenticator_should_fail_the_RFC_2069_form_when_it_is_disabled()
    {
        var authenticator = NewAuthenticator(o => o with { AllowNoQop = false });
        var challenge = ChallengeFor(authenticator, DigestAlgorithm.Md5) with { Qop = DigestQopOptions.None };

        var result = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), challenge));

        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.UnsupportedQop, "alice"), result);
    }

    [Fact]
    public void Authenticator_should_fail_an_algorithm_it_did_not_offer()
    {
        var authenticator = NewAuthenticator(o => o with { Algorithms = [DigestAlgorithm.Sha256] });
        var challenge = ChallengeFor(authenticator, DigestAlgorithm.Sha256) with { Algorithm = DigestAlgorithm.Md5 };

        var result = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), challenge));

        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.UnsupportedAlgorithm, "alice"), result);
    }

    [Fact]
    public void Authenticator_should_fail_a_wrong_opaque_but_tolerate_a_missing_one()
    {
        var authenticator = NewAuthenticator();
        var challenge = ChallengeFor(authenticator, DigestAlgorithm.Sha256);

        var wrong = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), challenge with { Opaque = "other" }));
        var missing = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), challenge with { Opaque = null }));

        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.OpaqueMismatch, "alice"), wrong);
        Assert.IsType<DigestAuthResult.Success>(missing);
    }

    [Fact]
    public void Authenticator_should_fail_userhash_credentials_since_it_never_offers_them()
    {
        var authenticator = NewAuthenticator();
        var challenge = ChallengeFor(authenticator, DigestAlgorithm.Sha256) with { Userhash = true };

        var result = authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), challenge));

        Assert.IsType<DigestAuthResult.Failure>(result);
        Assert.Equal(DigestFailureReason.UnsupportedUserhash, ((DigestAuthResult.Failure)result).Reason);
    }

    [Fact]
    public void Authenticator_should_fail_auth_int_credentials()
    {
        var authenticator = NewAuthenticator();
        var credentials = AnswerCredentials(new DigestClient(), ChallengeFor(authenticator, DigestAlgorithm.Sha256)) with { Qop = DigestQop.AuthInt };

        var result = authenticator.Verify(Method, RequestUri, credentials.ToString());

        Assert.Equal(new DigestAuthResult.Failure(DigestFailureReason.UnsupportedQop, "alice"), result);
    }

    [Fact]
    public void Authenticator_should_ask_for_a_new_nonce_once_its_replay_table_has_let_the_old_one_go()
    {
        var authenticator = NewAuthenticator(o => o with { MaxTrackedNonces = 2 });
        var client = new DigestClient();
        var challenges = new List<DigestChallenge>();
        for (var i = 0; i < 3; i++)
        {
            challenges.Add(ChallengeFor(authenticator, DigestAlgorithm.Sha256));
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        foreach (var challenge in challenges)
        {
            Assert.IsType<DigestAuthResult.Success>(authenticator.Verify(Method, RequestUri, Answer(client, challenge)));
        }

        var evicted = authenticator.Verify(Method, RequestUri, Answer(client, challenges[0]));
        var kept = authenticator.Verify(Method, RequestUri, Answer(client, challenges[2]));

        Assert.Equal(new DigestAuthResult.Stale("alice"), evicted);
        Assert.IsType<DigestAuthResult.Success>(kept);
    }

    [Fact]
    public void Authenticator_should_not_accept_a_replay_after_the_clock_steps_back()
    {
        var authenticator = NewAuthenticator();
        var old = Answer(new DigestClient(), ChallengeFor(authenticator, DigestAlgorithm.Sha256));
        Assert.IsType<DigestAuthResult.Success>(authenticator.Verify(Method, RequestUri, old));
        _clock.Advance(Lifetime * 2);
        Assert.IsType<DigestAuthResult.Success>(
            authenticator.Verify(Method, RequestUri, Answer(new DigestClient(), ChallengeFor(authenticator, DigestAlgorithm.Sha256))));

        _clock.Rewind(Lifetime * 2);
        var replay = authenticator.Verify(Method, RequestUri, old);

        Assert.IsNotType<DigestAuthResult.Success>(replay);
    }

    [Fact]
    public void Authenticator_should_refuse_unusable_options()
    {
        Assert.ThrowsAny<ArgumentException>(() => new DigestAuthenticator(Options() with { Realm = "" }, _store, _clock));
        Assert.ThrowsAny<ArgumentException>(() => new DigestAuthenticator(Options() with { Algorithms = [] }, _store, _clock));
        Assert.ThrowsAny<ArgumentException>(() => new DigestAuthenticator(Options() with { NonceKey = new byte[8] }, _store, _clock));
        Assert.ThrowsAny<ArgumentException>(() => new DigestAuthenticator(Options() with { NonceLifetime = TimeSpan.Zero }, _store, _clock));
        Assert.ThrowsAny<ArgumentException>(() => new DigestAuthenticator(Options() with { MaxTrackedNonces = 0 }, _store, _clock));
    }

    private static DigestAuthenticatorOptions Options() => new() { Realm = Realm, NonceLifetime = Lifetime };

    private DigestAuthenticator NewAuthenticator(Func<DigestAuthenticatorOptions, DigestAuthenticatorOptions>? configure = null) =>
        new(configure is null ? Options() : configure(Options()), _store, _clock);

    private static DigestChallenge ChallengeFor(DigestAuthenticator authenticator, DigestAlgorithm algorithm)
    {
        // Through the wire form, as a real client would see it.
        var value = authenticator.CreateChallenges().Single(c => c.Algorithm == algorithm).ToString();
        Assert.True(DigestChallenge.TryParse(value, out var challenge));
        return challenge;
    }

    private static string Answer(
        DigestClient client, DigestChallenge challenge, string user = "alice", string password = "secret",
        string method = Method, string uri = RequestUri) =>
        AnswerCredentials(client, challenge, user, password, method, uri).ToString();

    private static DigestCredentials AnswerCredentials(
        DigestClient client, DigestChallenge challenge, string user = "alice", string password = "secret",
        string method = Method, string uri = RequestUri)
    {
        Assert.True(client.TryAuthorize(challenge, user, password, method, uri, out DigestCredentials? credentials));
        return credentials;
    }

    private sealed class RecordingStore(IDigestCredentialStore inner) : IDigestCredentialStore
    {
        public List<(string, DigestAlgorithm)> Lookups { get; } = [];

        public bool TryGetHa1(string username, string realm, DigestAlgorithm algorithm, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? ha1)
        {
            Lookups.Add((username, algorithm));
            return inner.TryGetHa1(username, realm, algorithm, out ha1);
        }
    }
}
