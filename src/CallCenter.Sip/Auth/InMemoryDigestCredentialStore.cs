using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Sip.Auth;

/// <summary>An immutable credential store built from configuration; it keeps HA1 values, never passwords.</summary>
public sealed class InMemoryDigestCredentialStore : IDigestCredentialStore
{
    private readonly FrozenDictionary<(string Username, string Realm, DigestAlgorithm Algorithm), string> _ha1;

    /// <param name="entries">HA1 values in hex per (username, realm, plain algorithm).</param>
    public InMemoryDigestCredentialStore(IEnumerable<KeyValuePair<(string Username, string Realm, DigestAlgorithm Algorithm), string>> entries)
    {
        _ha1 = entries.ToFrozenDictionary();
    }

    /// <summary>Hashes each (username, password) for both MD5 and SHA-256 in one realm, then forgets the passwords.</summary>
    public static InMemoryDigestCredentialStore FromPasswords(string realm, IEnumerable<(string Username, string Password)> accounts)
    {
        var entries = new List<KeyValuePair<(string, string, DigestAlgorithm), string>>();
        foreach (var (username, password) in accounts)
        {
            foreach (var algorithm in (ReadOnlySpan<DigestAlgorithm>)[DigestAlgorithm.Md5, DigestAlgorithm.Sha256])
            {
                entries.Add(new((username, realm, algorithm), DigestHash.ComputeHa1(algorithm, username, realm, password)));
            }
        }

        return new InMemoryDigestCredentialStore(entries);
    }

    public bool TryGetHa1(string username, string realm, DigestAlgorithm algorithm, [NotNullWhen(true)] out string? ha1) =>
        _ha1.TryGetValue((username, realm, algorithm.BaseAlgorithm()), out ha1);
}
