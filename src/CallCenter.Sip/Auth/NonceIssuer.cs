using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CallCenter.Sip.Auth;

/// <summary>
/// Makes and checks self-validating nonces: base64url(issued-at ms ‖ random ‖ HMAC-SHA256(K, issued-at ‖ random)),
/// where K = HMAC-SHA256(secret, realm).
/// The server keeps no per-challenge state, so a flood of unanswered challenges costs no memory.
/// </summary>
internal sealed class NonceIssuer
{
    private const int TimestampSize = 8;
    private const int RandomSize = 12;
    private const int MacSize = 16;
    private const int RawSize = TimestampSize + RandomSize + MacSize;

    /// <summary>36 bytes encode to exactly 48 base64url characters, without padding.</summary>
    internal const int EncodedLength = RawSize / 3 * 4;

    /// <summary>Nodes sharing a key may disagree a little on the time; a nonce this far ahead is still accepted.</summary>
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(30);

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public NonceIssuer(ReadOnlySpan<byte> key, string realm, TimeSpan lifetime, TimeProvider time)
    {
        // Deriving the MAC key from the realm binds every nonce to its realm with a fixed-size MAC input.
        _key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(realm));
        _lifetime = lifetime;
        _time = time;
    }

    public string Create()
    {
        Span<byte> raw = stackalloc byte[RawSize];
        BinaryPrimitives.WriteInt64BigEndian(raw, _time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(raw.Slice(TimestampSize, RandomSize));
        Sign(raw[..(TimestampSize + RandomSize)], raw[(TimestampSize + RandomSize)..]);
        return Base64Url.EncodeToString(raw);
    }

    /// <summary>Checks a nonce; <paramref name="issuedAtMs"/> is set whenever the nonce is ours.</summary>
    public NonceStatus Check(ReadOnlySpan<char> nonce, out long issuedAtMs)
    {
        issuedAtMs = 0;
        Span<byte> raw = stackalloc byte[RawSize];
        // The alphabet check comes first: the decoder throws on foreign characters, and it would also accept
        // '+' and '/' spellings of the same bytes, which would let one nonce dodge the replay table under a new name.
        if (nonce.Length != EncodedLength
            || nonce.ContainsAnyExcept(Base64UrlAlphabet)
            || !Base64Url.TryDecodeFromChars(nonce, raw, out var written)
            || written != RawSize)
        {
            return NonceStatus.Invalid;
        }

        Span<byte> expected = stackalloc byte[MacSize];
        Sign(raw[..(TimestampSize + RandomSize)], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, raw[(TimestampSize + RandomSize)..]))
        {
            return NonceStatus.Invalid;
        }

        issuedAtMs = BinaryPrimitives.ReadInt64BigEndian(raw);
        return IsExpired(issuedAtMs) ? NonceStatus.Expired : NonceStatus.Fresh;
    }

    /// <summary>Oldest issue time still fresh now; older nonces are expired.</summary>
    public long FreshSinceMs() => _time.GetUtcNow().ToUnixTimeMilliseconds() - (long)_lifetime.TotalMilliseconds;

    // A nonce from further ahead means the clock went back; it is refused as expired rather than trusted for longer.
    private bool IsExpired(long issuedAtMs) =>
        issuedAtMs < FreshSinceMs()
        || issuedAtMs > _time.GetUtcNow().ToUnixTimeMilliseconds() + (long)MaxClockSkew.TotalMilliseconds;

    private void Sign(ReadOnlySpan<byte> body, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, body, full);
        full[..MacSize].CopyTo(mac);
    }
}

internal enum NonceStatus
{
    Invalid,
    Fresh,
    Expired,
}
