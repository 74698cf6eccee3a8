using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Sip.Auth;

/// <summary>Looks up the stored HA1 of an account; the server never sees a clear-text password.</summary>
public interface IDigestCredentialStore
{
    /// <summary>
    /// Finds HA1 = H(username ":" realm ":" password) as lowercase hex for a plain algorithm
    /// (<see cref="DigestAlgorithm.Md5"/> or <see cref="DigestAlgorithm.Sha256"/>; -sess variants ask for their base).
    /// </summary>
    bool TryGetHa1(string username, string realm, DigestAlgorithm algorithm, [NotNullWhen(true)] out string? ha1);
}
