using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CallCenter.Sip.Auth;

/// <summary>
/// The server side of Digest authentication (RFC 3261 §22, RFC 7616): issues challenges and checks credentials.
/// Nonces are self-validating, so challenging costs no memory; only nonces that authenticated a request are
/// remembered, for nonce-count replay checks, in a bounded table. Thread-safe.
/// </summary>
public sealed class DigestAuthenticator
{
    private const int NonceKeySize = 32;

    private readonly DigestAuthenticatorOptions _options;
    private readonly IDigestCredentialStore _store;
    private readonly NonceIssuer _nonces;
    private readonly NonceCountTracker _counts;
    private readonly string _opaque;
    private readonly string _dummyMd5Ha1;
    private readonly string _dummySha256Ha1;

    public DigestAuthenticator(DigestAuthenticatorOptions options, IDigestCredentialStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrEmpty(options.Realm, nameof(options.Realm));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.NonceLifetime, TimeSpan.Zero, nameof(options.NonceLifetime));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTrackedNonces, 1, nameof(options.MaxTrackedNonces));
        if (options.Algorithms.Count == 0)
        {
            throw new ArgumentException("At least one algorithm must be offered.", nameof(options));
        }

        if (options.NonceKey is { Length: < NonceKeySize })
        {
            throw new ArgumentException($"The nonce key needs at least {NonceKeySize} bytes.", nameof(options));
        }

        _options = options;
        _store = store;
        var key = options.NonceKey?.ToArray() ?? RandomNumberGenerator.GetBytes(NonceKeySize);
        _nonces = new NonceIssuer(key, options.Realm, options.NonceLifetime, time);
        _counts = new NonceCountTracker(options.MaxTrackedNonces);

        // Derived from the key so that nodes sharing a key also agree on the opaque value.
        _opaque = Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("opaque:" + options.Realm))[..16]);

        // Unknown users are checked against an HA1 nobody knows, so they cost the same work as a wrong password.
        var dummyPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _dummyMd5Ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, "\0unknown", options.Realm, dummyPassword);
        _dummySha256Ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Sha256, "\0unknown", options.Realm, dummyPassword);
    }

    public string Realm => _options.Realm;

    /// <summary>Challenges for a 401/407, one per configured algorithm, in preference order, sharing one fresh nonce.</summary>
    /// <param name="stale">True when answering a <see cref="DigestAuthResult.Stale"/> result.</param>
    public IReadOnlyList<DigestChallenge> CreateChallenges(bool stale = false)
    {
        var nonce = _nonces.Create();
        var challenges = new DigestChallenge[_options.Algorithms.Count];
        for (var i = 0; i < challenges.Length; i++)
        {
            challenges[i] = new DigestChallenge(_options.Realm, nonce)
            {
                Opaque = _opaque,
                Algorithm = _options.Algorithms[i],
                Qop = DigestQopOptions.Auth,
                Stale = stale,
                Domain = _options.Domain,
            };
        }

        return challenges;
    }

    /// <summary>Checks an Authorization / Proxy-Authorization header value; null or another scheme is Missing.</summary>
    public DigestAuthResult Verify(string method, string requestUri, string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return DigestAuthResult.Missing.Instance;
        }

        if (!DigestCredentials.TryParse(authorization, out var credentials))
        {
            return IsDigestScheme(authorization)
                ? new DigestAuthResult.Failure(DigestFailureReason.MalformedCredentials, null)
                : DigestAuthResult.Missing.Instance;
        }

        return Verify(method, requestUri, credentials);
    }

    /// <summary>
    /// Checks a request carrying several Authorization / Proxy-Authorization values, using the one for this realm
    /// (RFC 3261 §22.3: credentials for other proxies' realms ride along). Without one, the first Digest value's
    /// outcome is returned, or Missing.
    /// </summary>
    public DigestAuthResult Verify(string method, string requestUri, IEnumerable<string> authorizationValues)
    {
        ArgumentNullException.ThrowIfNull(authorizationValues);
        DigestAuthResult? firstOutcome = null;
        foreach (var value in authorizationValues)
        {
            if (DigestCredentials.TryParse(value, out var credentials)
                && string.Equals(credentials.Realm, _options.Realm, StringComparison.Ordinal))
            {
                return Verify(method, requestUri, credentials);
            }

            // Values for other realms fail before any hashing, so trying them costs little.
            if (firstOutcome is null && Verify(method, requestUri, value) is not DigestAuthResult.Missing and var outcome)
            {
                firstOutcome = outcome;
            }
        }

        return firstOutcome ?? DigestAuthResult.Missing.Instance;
    }

    /// <summary>Checks parsed credentials against the request's method and request-URI.</summary>
    public DigestAuthResult Verify(string method, string requestUri, DigestCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        ArgumentNullException.ThrowIfNull(credentials);

        var c = credentials;
        var refusal = CheckParameters(c, requestUri);
        if (refusal is not null)
        {
            return new DigestAuthResult.Failure(refusal.Value, c.Username);
        }

        var nonceStatus = _nonces.Check(c.Nonce, out var issuedAtMs);
        if (nonceStatus == NonceStatus.Invalid)
        {
            return new DigestAuthResult.Failure(DigestFailureReason.InvalidNonce, c.Username);
        }

        // Some clients leave opaque out; one that sends it must send ours.
        if (c.Opaque is not null && !string.Equals(c.Opaque, _opaque, StringComparison.Ordinal))
        {
            return new DigestAuthResult.Failure(DigestFailureReason.OpaqueMismatch, c.Username);
        }

        var known = _store.TryGetHa1(c.Username, c.Realm, c.Algorithm.BaseAlgorithm(), out var ha1);
        var matches = ResponseMatches(c, method, known ? ha1! : DummyHa1(c.Algorithm));
        if (!(matches && known))
        {
            return new DigestAuthResult.Failure(DigestFailureReason.InvalidResponse, c.Username);
        }

        if (nonceStatus == NonceStatus.Expired)
        {
            return new DigestAuthResult.Stale(c.Username);
        }

        // Without qop there is no nc, so each nonce is good for one request; the client then gets a fresh one.
        var nonceCount = c.Qop == DigestQop.None ? 1u : c.NonceCount;
        return _counts.TryAdvance(c.Nonce, issuedAtMs, nonceCount, _nonces.FreshSinceMs()) switch
        {
            NonceCountStatus.Accepted => new DigestAuthResult.Success(c.Username),

            // An RFC 2069 client reusing its nonce is normal, and stale=true makes it fetch a new one silently.
            NonceCountStatus.Replayed when c.Qop == DigestQop.None => new DigestAuthResult.Stale(c.Username),
            NonceCountStatus.Replayed => new DigestAuthResult.Failure(DigestFailureReason.NonceReplayed, c.Username),

            // The replay table let this nonce go, so its nc history is unknown: ask for a new nonce.
            _ => new DigestAuthResult.Stale(c.Username),
        };
    }

    private DigestFailureReason? CheckParameters(DigestCredentials c, string requestUri)
    {
        if (!string.Equals(c.Realm, _options.Realm, StringComparison.Ordinal))
        {
            return DigestFailureReason.RealmMismatch;
        }

        if (!_options.Algorithms.Contains(c.Algorithm))
        {
            return DigestFailureReason.UnsupportedAlgorithm;
        }

        // We never offer userhash, and honouring it would need a reverse lookup in the store.
        if (c.Userhash)
        {
            return DigestFailureReason.UnsupportedUserhash;
        }

        if (c.Qop == DigestQop.AuthInt || (c.Qop == DigestQop.None && !_options.AllowNoQop))
        {
            return DigestFailureReason.UnsupportedQop;
        }

        // The parser enforces these, but records built in code reach this method too.
        if ((c.Qop != DigestQop.None && (c.NonceCount == 0 || c.Cnonce is null)) || (c.Algorithm.IsSession() && c.Cnonce is null))
        {
            return DigestFailureReason.MalformedCredentials;
        }

        if (_options.UriMatches is { } uriMatches && !uriMatches(c.Uri, requestUri))
        {
            return DigestFailureReason.UriMismatch;
        }

        return null;
    }

    private static bool ResponseMatches(DigestCredentials c, string method, string ha1)
    {
        var size = c.Algorithm.HashSize();
        Span<byte> expected = stackalloc byte[32];
        Span<byte> received = stackalloc byte[32];
        expected = expected[..size];
        received = received[..size];
        DigestHash.ComputeResponse(c.Algorithm, ha1, c.Nonce, method, c.Uri, c.Qop, c.Cnonce, c.NonceCount, expected);

        // Hex case is not significant; decoding first also makes the comparison constant-time over the bytes.
        var decoded = c.Response.Length == size * 2
            && Convert.FromHexString(c.Response, received, out _, out var written) == OperationStatus.Done
            && written == size;
        return CryptographicOperations.FixedTimeEquals(expected, received) && decoded;
    }

    private string DummyHa1(DigestAlgorithm algorithm) =>
        algorithm.BaseAlgorithm() == DigestAlgorithm.Md5 ? _dummyMd5Ha1 : _dummySha256Ha1;

    private static bool IsDigestScheme(ReadOnlySpan<char> value)
    {
        value = value.TrimStart(" \t");
        return value.StartsWith(DigestChallenge.Scheme, StringComparison.OrdinalIgnoreCase)
            && (value.Length == DigestChallenge.Scheme.Length || value[DigestChallenge.Scheme.Length] is ' ' or '\t' or '\r');
    }
}
