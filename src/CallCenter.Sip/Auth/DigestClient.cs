using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace CallCenter.Sip.Auth;

/// <summary>
/// The client side of Digest authentication: answers a challenge with credentials, counting nc per nonce so that
/// a nonce can be reused for later requests (RFC 7616 §3.4). Thread-safe.
/// </summary>
public sealed class DigestClient
{
    private readonly Func<string> _cnonceFactory;
    private readonly int _maxTrackedNonces;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, uint> _nonceCounts = new(StringComparer.Ordinal);
    private readonly Queue<string> _nonceOrder = new();

    /// <summary>A client drawing 128-bit random cnonces.</summary>
    public DigestClient()
        : this(NewCnonce)
    {
    }

    /// <param name="cnonceFactory">Makes each cnonce; tests inject fixed ones.</param>
    /// <param name="maxTrackedNonces">Most nonces whose nc is remembered; the oldest is forgotten first.</param>
    public DigestClient(Func<string> cnonceFactory, int maxTrackedNonces = 64)
    {
        ArgumentNullException.ThrowIfNull(cnonceFactory);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTrackedNonces, 1);
        _cnonceFactory = cnonceFactory;
        _maxTrackedNonces = maxTrackedNonces;
    }

    /// <summary>
    /// Picks the challenge to answer from the values of several WWW-Authenticate / Proxy-Authenticate headers:
    /// the first Digest one this client can answer, since servers list their preferred algorithm first (RFC 7616 §3.7).
    /// </summary>
    public static bool TrySelectChallenge(IEnumerable<string> challengeValues, [NotNullWhen(true)] out DigestChallenge? challenge)
    {
        ArgumentNullException.ThrowIfNull(challengeValues);
        foreach (var value in challengeValues)
        {
            if (DigestChallenge.TryParse(value, out challenge) && CanAnswer(challenge))
            {
                return true;
            }
        }

        challenge = null;
        return false;
    }

    /// <summary>Answers a challenge header value with an Authorization / Proxy-Authorization header value.</summary>
    /// <returns>False when the challenge is malformed or cannot be answered (it offers only qop=auth-int).</returns>
    public bool TryAuthorize(
        string challengeValue, string username, string password, string method, string requestUri,
        [NotNullWhen(true)] out string? authorization)
    {
        authorization = null;
        if (!DigestChallenge.TryParse(challengeValue, out var challenge)
            || !TryAuthorize(challenge, username, password, method, requestUri, out var credentials))
        {
            return false;
        }

        authorization = credentials.ToString();
        return true;
    }

    /// <summary>Answers a parsed challenge; qop=auth is chosen when offered, else the RFC 2069 form.</summary>
    public bool TryAuthorize(
        DigestChallenge challenge, string username, string password, string method, string requestUri,
        [NotNullWhen(true)] out DigestCredentials? credentials)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        credentials = null;
        if (!CanAnswer(challenge))
        {
            return false;
        }

        var qop = challenge.Qop.HasFlag(DigestQopOptions.Auth) ? DigestQop.Auth : DigestQop.None;
        var cnonce = qop != DigestQop.None || challenge.Algorithm.IsSession() ? _cnonceFactory() : null;
        var nonceCount = qop == DigestQop.None ? 0u : NextNonceCount(challenge.Nonce);
        var ha1 = DigestHash.ComputeHa1(challenge.Algorithm, username, challenge.Realm, password);
        var response = DigestHash.ComputeResponse(
            challenge.Algorithm, ha1, challenge.Nonce, method, requestUri, qop, cnonce, nonceCount);
        var sentUsername = challenge.Userhash
            ? DigestHash.ComputeUserhash(challenge.Algorithm, username, challenge.Realm)
            : username;

        credentials = new DigestCredentials(sentUsername, challenge.Realm, challenge.Nonce, requestUri, response)
        {
            Algorithm = challenge.Algorithm,
            Cnonce = cnonce,
            Opaque = challenge.Opaque,
            Qop = qop,
            NonceCount = nonceCount,
            Userhash = challenge.Userhash,
        };
        return true;
    }

    private static bool CanAnswer(DigestChallenge challenge) =>
        challenge.Qop == DigestQopOptions.None || challenge.Qop.HasFlag(DigestQopOptions.Auth);

    private uint NextNonceCount(string nonce)
    {
        lock (_lock)
        {
            if (_nonceCounts.TryGetValue(nonce, out var last))
            {
                // Wrapping past 2^32-1 would replay nc=1; a server would refuse it long before, so stop at the top.
                var next = last == uint.MaxValue ? last : last + 1;
                _nonceCounts[nonce] = next;
                return next;
            }

            _nonceCounts.Add(nonce, 1);
            _nonceOrder.Enqueue(nonce);
            while (_nonceOrder.Count > _maxTrackedNonces)
            {
                _nonceCounts.Remove(_nonceOrder.Dequeue());
            }

            return 1;
        }
    }

    private static string NewCnonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
