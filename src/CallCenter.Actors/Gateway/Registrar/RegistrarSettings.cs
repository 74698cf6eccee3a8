using System.Collections.Immutable;
using CallCenter.Domain;
using CallCenter.Sip.Auth;

namespace CallCenter.Actors.Gateway.Registrar;

/// <summary>Who may register, how they prove it, and how long registrations last.</summary>
public sealed record RegistrarSettings
{
    /// <summary>HA1 values of the agents' accounts (username = agent id, realm = the SIP domain).</summary>
    public required IDigestCredentialStore Credentials { get; init; }

    /// <summary>The agents that may register; an account that authenticates but is not one gets 403.</summary>
    public ImmutableHashSet<AgentId> Agents { get; init; } = [];

    /// <summary>Challenges offered, one WWW-Authenticate each, in this order.</summary>
    public ImmutableArray<DigestAlgorithm> Algorithms { get; init; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Shorter non-zero registrations are refused with 423 and this as Min-Expires.</summary>
    public TimeSpan MinExpires { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longer registrations are granted this long.</summary>
    public TimeSpan MaxExpires { get; init; } = TimeSpan.FromHours(1);

    /// <summary>When neither the contact nor the request names an expiry.</summary>
    public TimeSpan DefaultExpires { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Contacts one agent may have registered at once.</summary>
    public int MaxBindings { get; init; } = 10;

    public AuthFailureTrackerOptions Bans { get; init; } = new();

    /// <summary>How long a REGISTER waits for the agent's entity to take the new contact before it is answered 503. In a
    /// cluster the entity may be on a node that died and is not yet downed; silence would leave the phone unregistered
    /// until its next refresh.</summary>
    /// <remarks>10 s: well inside the phone's own 32 s transaction timeout (64 × T1), and long enough for a registration
    /// storm: 1,000 phones registering at 500/s after a start had 134 first REGISTERs answered 503 with 3 s, while
    /// their entities started and wrote behind each other.</remarks>
    public TimeSpan AgentAnswerTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The Retry-After of that 503 (RFC 3261 §21.5.4): about how long a shard hand-over takes.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The first thing wrong with these settings, or null when they are usable.</summary>
    public string? Validate() =>
        Algorithms.IsDefaultOrEmpty ? "at least one digest algorithm must be offered"
        : MinExpires < TimeSpan.FromSeconds(1) ? "min expires must be at least one second"
        : MaxExpires < MinExpires ? "max expires must not be below min expires"
        : DefaultExpires < MinExpires || DefaultExpires > MaxExpires ? "default expires must lie between min and max expires"
        : MaxBindings < 1 ? "an agent must be allowed at least one contact"
        : NonceLifetime <= TimeSpan.Zero ? "the nonce lifetime must be positive"
        : AgentAnswerTimeout <= TimeSpan.Zero ? "the agent answer timeout must be positive"
        : RetryAfter < TimeSpan.FromSeconds(1) ? "retry-after must be at least one second"
        : null;
}
