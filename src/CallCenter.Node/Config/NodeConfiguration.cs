using System.Collections.Immutable;
using System.Net;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Queues;
using CallCenter.Sip.Auth;

namespace CallCenter.Node.Config;

/// <summary>One configured agent: its account (a password or its HA1 values) and how it works.</summary>
/// <remarks>The clear password lives only until the credential store hashes it at start.</remarks>
public sealed record AgentConfig(AgentId Id, ImmutableArray<QueueId> Queues, AgentSettings Settings)
{
    public string? Password { get; init; }

    public string? Ha1Md5 { get; init; }

    public string? Ha1Sha256 { get; init; }
}

public sealed record QueueConfig(QueueId Id, QueueSettings Settings)
{
    /// <summary>The wrap-up of agents serving this queue who set none themselves.</summary>
    public TimeSpan? WrapUp { get; init; }

    /// <summary>How long a caller hears ringback (180) before the center answers; zero answers at once.</summary>
    public TimeSpan AnswerDelay { get; init; }
}

/// <summary>Where the operations endpoint (/health, /metrics, /status) listens; port 0 picks a free one.</summary>
public sealed record HttpConfig(IPAddress Bind, int Port);

/// <summary>Everything a node is configured with (<c>callcenter { ... }</c> plus the command line), validated.</summary>
public sealed record NodeConfiguration
{
    public required string Domain { get; init; }

    public required string NodeId { get; init; }

    public required string Database { get; init; }

    /// <summary>An Npgsql connection string: the journal, snapshots and call records go to PostgreSQL instead of
    /// <see cref="Database"/>. Null for SQLite.</summary>
    public string? PostgreSql { get; init; }

    /// <summary>Cluster membership; standalone unless a cluster port or seeds are given.</summary>
    public ClusterConfig Cluster { get; init; } = ClusterConfig.Standalone;

    public required IPAddress SipBind { get; init; }

    public required int SipPort { get; init; }

    /// <summary>The address written in Via, Contact and SDP; null to derive it (see <see cref="AdvertisedAddress"/>).</summary>
    public IPAddress? Advertise { get; init; }

    public required TimeSpan T1 { get; init; }

    /// <summary>Calls still waiting for their first answer beyond which new INVITEs get 503; null admits every call.</summary>
    public int? MaxPendingCalls { get; init; } = 200;

    /// <summary>How often each answered call leg's dialog is probed with OPTIONS; zero: never.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(30);

    public required int RtpFirstPort { get; init; }

    public required int RtpLastPort { get; init; }

    public TimeSpan? MediaTimeout { get; init; }

    /// <summary>A WAV file for waiting callers; null for the generated melody.</summary>
    public string? HoldAudio { get; init; }

    public required TimeSpan MinExpires { get; init; }

    public required TimeSpan MaxExpires { get; init; }

    public required TimeSpan DefaultExpires { get; init; }

    public required int MaxContacts { get; init; }

    public required ImmutableArray<DigestAlgorithm> Algorithms { get; init; }

    public required ImmutableArray<QueueConfig> Queues { get; init; }

    public required ImmutableArray<AgentConfig> Agents { get; init; }

    /// <summary>Log lines as JSON objects instead of text (<c>callcenter.logging.format</c>).</summary>
    public bool JsonLogs { get; init; }

    /// <summary>The operations endpoint; null when turned off.</summary>
    public HttpConfig? Http { get; init; }

    /// <summary>On SIGTERM / Ctrl+C: how long open calls may go on before the node ends them.</summary>
    public TimeSpan ShutdownGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The Retry-After of the 503 that new calls and registrations get while the node drains.</summary>
    public TimeSpan ShutdownRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where peers reach this node: the configured address, else a concrete bind address, else the domain when it
    /// is an address, else this host's first non-loopback IPv4 address, else loopback.</summary>
    public IPAddress AdvertisedAddress
    {
        get
        {
            if (Advertise is { } advertise)
            {
                return advertise;
            }

            if (!SipBind.Equals(IPAddress.Any) && !SipBind.Equals(IPAddress.IPv6Any))
            {
                return SipBind;
            }

            if (IPAddress.TryParse(Domain, out var domainAddress))
            {
                return domainAddress;
            }

            return LocalAddresses.FirstNonLoopbackIPv4() ?? IPAddress.Loopback;
        }
    }
}
