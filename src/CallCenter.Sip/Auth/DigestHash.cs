using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CallCenter.Sip.Auth;

/// <summary>The digest computations of RFC 7616 §3.4.1–§3.4.3 (RFC 2617 §3.2.2 and RFC 2069 without qop).</summary>
public static class DigestHash
{
    private const int StackLimit = 512;

    /// <summary>
    /// HA1 = H(username ":" realm ":" password), lowercase hex: what a credential store keeps instead of the
    /// password. For a <c>-sess</c> algorithm this is still the plain HA1; the session part is added per request.
    /// </summary>
    public static string ComputeHa1(DigestAlgorithm algorithm, string username, string realm, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(password);
        return HashHex(algorithm, [username, realm, password]);
    }

    /// <summary>H(username ":" realm): the <c>username</c> sent when userhash is on (RFC 7616 §3.4.4).</summary>
    public static string ComputeUserhash(DigestAlgorithm algorithm, string username, string realm) =>
        HashHex(algorithm, [username, realm]);

    /// <summary>
    /// The request-digest (the <c>response</c> parameter), lowercase hex. <paramref name="ha1"/> is the plain HA1 in
    /// hex (from <see cref="ComputeHa1"/> or a credential store); <paramref name="cnonce"/> is required when qop is
    /// set or the algorithm is a <c>-sess</c> one. qop=auth-int is not supported (no entity body here).
    /// </summary>
    public static string ComputeResponse(
        DigestAlgorithm algorithm, string ha1, string nonce, string method, string digestUri,
        DigestQop qop, string? cnonce, uint nonceCount)
    {
        Span<byte> digest = stackalloc byte[32];
        digest = digest[..algorithm.HashSize()];
        ComputeResponse(algorithm, ha1, nonce, method, digestUri, qop, cnonce, nonceCount, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Writes the raw request-digest; the server compares these bytes in constant time.</summary>
    internal static void ComputeResponse(
        DigestAlgorithm algorithm, string ha1, string nonce, string method, string digestUri,
        DigestQop qop, string? cnonce, uint nonceCount, Span<byte> destination)
    {
        if ((qop != DigestQop.None || algorithm.IsSession()) && cnonce is null)
        {
            throw new ArgumentException("A cnonce is required with qop or a -sess algorithm.", nameof(cnonce));
        }

        if (qop == DigestQop.AuthInt)
        {
            // auth-int needs H(entity-body) in A2; nothing here carries a body, so it is refused rather than faked.
            throw new ArgumentException("qop=auth-int is not supported.", nameof(qop));
        }

        var sessionHa1 = algorithm.IsSession() ? HashHex(algorithm, [ha1, nonce, cnonce!]) : ha1;
        var ha2 = HashHex(algorithm, [method, digestUri]);
        if (qop == DigestQop.None)
        {
            Hash(algorithm, [sessionHa1, nonce, ha2], destination);
            return;
        }

        Hash(algorithm, [sessionHa1, nonce, DigestCredentials.FormatNonceCount(nonceCount), cnonce!, qop.ToToken(), ha2], destination);
    }

    private static string HashHex(DigestAlgorithm algorithm, ReadOnlySpan<string> parts)
    {
        Span<byte> digest = stackalloc byte[32];
        digest = digest[..algorithm.HashSize()];
        Hash(algorithm, parts, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>H(parts joined by ':') over their UTF-8 bytes, without building the joined string.</summary>
    private static void Hash(DigestAlgorithm algorithm, ReadOnlySpan<string> parts, Span<byte> destination)
    {
        var length = parts.Length - 1;
        foreach (var part in parts)
        {
            length += Encoding.UTF8.GetByteCount(part);
        }

        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    buffer[written++] = (byte)':';
                }

                written += Encoding.UTF8.GetBytes(parts[i], buffer[written..]);
            }

            var input = buffer[..written];
            _ = algorithm.BaseAlgorithm() == DigestAlgorithm.Md5
                ? MD5.HashData(input, destination)
                : SHA256.HashData(input, destination);
        }
        finally
        {
            if (rented is not null)
            {
                // The input holds a password when computing HA1.
                CryptographicOperations.ZeroMemory(rented.AsSpan(0, length));
                ArrayPool<byte>.Shared.Return(rented);
            }
            else
            {
                CryptographicOperations.ZeroMemory(buffer);
            }
        }
    }
}
