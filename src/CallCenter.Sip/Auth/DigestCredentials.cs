using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CallCenter.Sip.Auth;

/// <summary>Digest credentials: the value of an Authorization or Proxy-Authorization header (RFC 7616 §3.4).</summary>
public sealed record DigestCredentials(string Username, string Realm, string Nonce, string Uri, string Response)
{
    public DigestAlgorithm Algorithm { get; init; } = DigestAlgorithm.Md5;

    public string? Cnonce { get; init; }

    public string? Opaque { get; init; }

    public DigestQop Qop { get; init; }

    /// <summary>The nc value; 0 when absent (no qop).</summary>
    public uint NonceCount { get; init; }

    /// <summary><see cref="Username"/> is H(username ":" realm) rather than the name itself (RFC 7616 §3.4.4).</summary>
    public bool Userhash { get; init; }

    /// <summary>
    /// Parses a credentials header value. Returns false for anything malformed, for another scheme, for an
    /// unknown algorithm or qop, and when qop is present without cnonce and an 8-hex-digit nc (RFC 7616 §3.4).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> value, [NotNullWhen(true)] out DigestCredentials? credentials)
    {
        credentials = null;
        if (!AuthHeaderParser.TryParse(value, out var scheme, out var p)
            || !scheme.Equals(DigestChallenge.Scheme, StringComparison.OrdinalIgnoreCase)
            || !p.TryGetValue("username", out var username)
            || !p.TryGetValue("realm", out var realm)
            || !p.TryGetValue("nonce", out var nonce)
            || !p.TryGetValue("uri", out var uri)
            || !p.TryGetValue("response", out var response)
            || response.Length == 0)
        {
            return false;
        }

        var algorithm = DigestAlgorithm.Md5;
        if (p.TryGetValue("algorithm", out var algorithmToken) && !DigestAlgorithmExtensions.TryParse(algorithmToken, out algorithm))
        {
            return false;
        }

        var qop = DigestQop.None;
        var cnonce = p.GetValueOrDefault("cnonce");
        uint nc = 0;
        if (p.TryGetValue("qop", out var qopToken))
        {
            if (!DigestQopNames.TryParse(qopToken, out qop)
                || cnonce is null
                || !p.TryGetValue("nc", out var ncText)
                || !TryParseNonceCount(ncText, out nc))
            {
                return false;
            }
        }

        credentials = new DigestCredentials(username, realm, nonce, uri, response)
        {
            Algorithm = algorithm,
            Cnonce = cnonce,
            Opaque = p.GetValueOrDefault("opaque"),
            Qop = qop,
            NonceCount = nc,
            Userhash = p.TryGetValue("userhash", out var uh) && uh.Equals("true", StringComparison.OrdinalIgnoreCase),
        };
        return true;
    }

    /// <summary>The header value, in the parameter order of the RFC 7616 examples.</summary>
    public override string ToString()
    {
        var w = new AuthHeaderWriter(DigestChallenge.Scheme)
            .Quoted("username", Username)
            .Quoted("realm", Realm)
            .Quoted("uri", Uri)
            .Token("algorithm", Algorithm.ToToken())
            .Quoted("nonce", Nonce);
        if (Qop != DigestQop.None)
        {
            w.Token("nc", FormatNonceCount(NonceCount));
        }

        if (Cnonce is not null)
        {
            w.Quoted("cnonce", Cnonce);
        }

        if (Qop != DigestQop.None)
        {
            w.Token("qop", Qop.ToToken());
        }

        w.Quoted("response", Response);
        if (Opaque is not null)
        {
            w.Quoted("opaque", Opaque);
        }

        if (Userhash)
        {
            w.Token("userhash", "true");
        }

        return w.ToString();
    }

    internal static string FormatNonceCount(uint nc) => nc.ToString("x8", CultureInfo.InvariantCulture);

    private static bool TryParseNonceCount(string text, out uint nc)
    {
        nc = 0;
        return text.Length == 8
            && uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out nc);
    }
}
