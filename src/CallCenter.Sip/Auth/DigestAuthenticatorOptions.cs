namespace CallCenter.Sip.Auth;

/// <summary>Settings of a <see cref="DigestAuthenticator"/>.</summary>
public sealed record DigestAuthenticatorOptions
{
    /// <summary>The protection space, usually the SIP domain (RFC 3261 §22.1).</summary>
    public required string Realm { get; init; }

    /// <summary>After this a right response yields <see cref="DigestAuthResult.Stale"/>.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Offered in this order, one challenge each; clients take the first they support (RFC 7616 §3.7).</summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms { get; init; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    /// <summary>Accept the RFC 2069 form without qop, which many older SIP phones still send.</summary>
    public bool AllowNoQop { get; init; } = true;

    /// <summary>
    /// How the digest-uri is compared with the request-URI; null skips the check. The default is ordinal equality,
    /// which is what a client that copies the request-URI produces (RFC 3261 §22.4).
    /// </summary>
    public Func<string, string, bool>? UriMatches { get; init; } = string.Equals;

    /// <summary>Most nonces whose nonce-count is remembered at once; bounds memory under a flood.</summary>
    public int MaxTrackedNonces { get; init; } = 10_000;

    /// <summary>The domain parameter of challenges, or null to leave it out.</summary>
    public string? Domain { get; init; }

    /// <summary>
    /// Secret for signing nonces; null draws a random one per authenticator. Nodes that must accept each other's
    /// nonces share one (at least 32 bytes).
    /// </summary>
    public ReadOnlyMemory<byte>? NonceKey { get; init; }
}
