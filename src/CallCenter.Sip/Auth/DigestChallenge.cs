using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Sip.Auth;

/// <summary>A Digest challenge: the value of a WWW-Authenticate or Proxy-Authenticate header (RFC 7616 §3.3).</summary>
public sealed record DigestChallenge(string Realm, string Nonce)
{
    internal const string Scheme = "Digest";

    public string? Opaque { get; init; }

    /// <summary>MD5 when the challenge names none (RFC 3261 §22.4).</summary>
    public DigestAlgorithm Algorithm { get; init; } = DigestAlgorithm.Md5;

    /// <summary><see cref="DigestQopOptions.None"/> means the RFC 2069 form without qop.</summary>
    public DigestQopOptions Qop { get; init; }

    /// <summary>The previous nonce was right but expired: retry with this one without asking the user again.</summary>
    public bool Stale { get; init; }

    /// <summary>Space-separated URIs of the protection space, as sent.</summary>
    public string? Domain { get; init; }

    /// <summary>The server accepts a hashed username (RFC 7616 §3.4.4).</summary>
    public bool Userhash { get; init; }

    /// <summary>
    /// Parses a challenge header value. Returns false for anything malformed, for another scheme, and for
    /// challenges this implementation cannot answer (unknown algorithm, or a qop list with no known value).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> value, [NotNullWhen(true)] out DigestChallenge? challenge)
    {
        challenge = null;
        if (!AuthHeaderParser.TryParse(value, out var scheme, out var p)
            || !scheme.Equals(Scheme, StringComparison.OrdinalIgnoreCase)
            || !p.TryGetValue("realm", out var realm)
            || !p.TryGetValue("nonce", out var nonce))
        {
            return false;
        }

        var algorithm = DigestAlgorithm.Md5;
        if (p.TryGetValue("algorithm", out var algorithmToken) && !DigestAlgorithmExtensions.TryParse(algorithmToken, out algorithm))
        {
            return false;
        }

        var qop = DigestQopOptions.None;
        if (p.TryGetValue("qop", out var qopList))
        {
            qop = DigestQopNames.ParseOptions(qopList);
            if (qop == DigestQopOptions.None)
            {
                return false;
            }
        }

        challenge = new DigestChallenge(realm, nonce)
        {
            Opaque = p.GetValueOrDefault("opaque"),
            Algorithm = algorithm,
            Qop = qop,
            Stale = IsTrue(p, "stale"),
            Domain = p.GetValueOrDefault("domain"),
            Userhash = IsTrue(p, "userhash"),
        };
        return true;
    }

    /// <summary>The header value, e.g. <c>Digest realm="x", nonce="y", algorithm=SHA-256, qop="auth"</c>.</summary>
    public override string ToString()
    {
        var w = new AuthHeaderWriter(Scheme).Quoted("realm", Realm);
        if (Domain is not null)
        {
            w.Quoted("domain", Domain);
        }

        w.Quoted("nonce", Nonce);
        if (Opaque is not null)
        {
            w.Quoted("opaque", Opaque);
        }

        if (Stale)
        {
            w.Token("stale", "true");
        }

        w.Token("algorithm", Algorithm.ToToken());
        if (Qop != DigestQopOptions.None)
        {
            w.Quoted("qop", DigestQopNames.FormatOptions(Qop));
        }

        if (Userhash)
        {
            w.Token("userhash", "true");
        }

        return w.ToString();
    }

    private static bool IsTrue(IReadOnlyDictionary<string, string> p, string name) =>
        p.TryGetValue(name, out var v) && v.Equals("true", StringComparison.OrdinalIgnoreCase);
}
