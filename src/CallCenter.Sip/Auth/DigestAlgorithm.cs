namespace CallCenter.Sip.Auth;

/// <summary>Digest algorithms (RFC 7616 §3.3). SHA-512-256 is not offered: .NET has no SHA-512/256 primitive.</summary>
public enum DigestAlgorithm
{
    Md5,
    Md5Sess,
    Sha256,
    Sha256Sess,
}

/// <summary>Wire names and properties of <see cref="DigestAlgorithm"/>.</summary>
public static class DigestAlgorithmExtensions
{
    /// <summary>The token used in the <c>algorithm</c> parameter.</summary>
    public static string ToToken(this DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Md5Sess => "MD5-sess",
        DigestAlgorithm.Sha256 => "SHA-256",
        DigestAlgorithm.Sha256Sess => "SHA-256-sess",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>True for the <c>-sess</c> variants, whose HA1 also covers the nonce and cnonce.</summary>
    public static bool IsSession(this DigestAlgorithm algorithm) =>
        algorithm is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess;

    /// <summary>The plain algorithm sharing this one's hash function: a stored HA1 is the same for both.</summary>
    public static DigestAlgorithm BaseAlgorithm(this DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5Sess => DigestAlgorithm.Md5,
        DigestAlgorithm.Sha256Sess => DigestAlgorithm.Sha256,
        _ => algorithm,
    };

    /// <summary>Parses an <c>algorithm</c> token; names are case-insensitive (RFC 7616 §3.3).</summary>
    public static bool TryParse(ReadOnlySpan<char> token, out DigestAlgorithm algorithm)
    {
        foreach (var candidate in All)
        {
            if (token.Equals(candidate.ToToken(), StringComparison.OrdinalIgnoreCase))
            {
                algorithm = candidate;
                return true;
            }
        }

        algorithm = default;
        return false;
    }

    internal static int HashSize(this DigestAlgorithm algorithm) =>
        algorithm.BaseAlgorithm() == DigestAlgorithm.Md5 ? 16 : 32;

    private static ReadOnlySpan<DigestAlgorithm> All =>
        [DigestAlgorithm.Md5, DigestAlgorithm.Md5Sess, DigestAlgorithm.Sha256, DigestAlgorithm.Sha256Sess];
}
