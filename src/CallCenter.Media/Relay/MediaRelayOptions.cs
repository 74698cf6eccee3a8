using System.Net;

namespace CallCenter.Media.Relay;

/// <summary>How a node's relays bind and watch their legs.</summary>
public sealed record MediaRelayOptions
{
    /// <summary>Local address of every media socket; IPv4 any by default. Remote addresses must be of its family.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    /// <summary>Silence after which <see cref="IMediaEvents.OnMediaTimeout"/> fires; null (the default) turns it off.</summary>
    public TimeSpan? MediaTimeout { get; init; }

    /// <summary>How often the timeout is checked: the precision of the timeout.</summary>
    public TimeSpan TimeoutCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a latched source must be silent before a different address with another SSRC may take over.</summary>
    public TimeSpan LatchTakeover { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest datagram accepted; larger ones are dropped whole and counted as receive errors (G.711 packets are 172 bytes).</summary>
    public int MaxDatagramBytes { get; init; } = 2048;

    public static MediaRelayOptions Default { get; } = new();

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(BindAddress);
        if (MediaTimeout is { } timeout)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(MediaTimeout));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TimeoutCheckInterval, TimeSpan.Zero, nameof(TimeoutCheckInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(LatchTakeover, TimeSpan.Zero, nameof(LatchTakeover));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDatagramBytes, 512, nameof(MaxDatagramBytes));
    }
}
