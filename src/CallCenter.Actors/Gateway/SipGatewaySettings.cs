using System.Collections.Immutable;
using System.Net;
using CallCenter.Actors.Gateway.Registrar;
using CallCenter.Actors.Hosting;
using CallCenter.Domain;
using CallCenter.Media.Audio;
using CallCenter.Media.Relay;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Actors.Gateway;

/// <summary>How a node's SIP gateway listens, whom it serves and how it sets up calls.</summary>
public sealed record SipGatewaySettings : IValidatedSettings
{
    /// <summary>The sockets to open (UDP and TCP on the SIP port).</summary>
    public required SipTransportOptions Transport { get; init; }

    /// <summary>The SIP domain: the realm of digest challenges and the host of the center's own URIs.</summary>
    public required string Domain { get; init; }

    /// <summary>The address peers reach this node at: written in Via, Contact and the SDP of both legs.</summary>
    public required IPAddress AdvertisedAddress { get; init; }

    /// <summary>The queues customers may call (<c>sip:&lt;queue&gt;@domain</c>); any other user gets 404.</summary>
    public ImmutableHashSet<QueueId> Queues { get; init; } = [];

    /// <summary>Queues whose callers hear ringback (180) for a while before the center answers; absent ones answer at once.</summary>
    public ImmutableDictionary<QueueId, TimeSpan> AnswerDelays { get; init; } = ImmutableDictionary<QueueId, TimeSpan>.Empty;

    public required RegistrarSettings Registrar { get; init; }

    /// <summary>Opens each call's RTP relay (two legs from the node's port range).</summary>
    public required IMediaRelayFactory Media { get; init; }

    /// <summary>What a waiting caller hears; a new source per call.</summary>
    public Func<IAudioSource> HoldAudio { get; init; } = Tones.CreateHoldMusic;

    public SipTimers Timers { get; init; } = SipTimers.Default;

    /// <summary>
    /// New INVITEs get 503 while this many calls still wait for their first answer (see <see cref="CallAdmission"/>);
    /// null admits every call.
    /// </summary>
    public int? MaxPendingCalls { get; init; } = 200;

    /// <summary>How long the gateway answers a finished call's late retransmissions (a <see cref="FinishedCall"/>), 64·T1.</summary>
    public TimeSpan Linger { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>
    /// How often each answered leg's dialog is probed with an in-dialog OPTIONS (RFC 3261 §11) to find phones that
    /// vanished without a BYE (power cut, lost Wi-Fi, crash); a 408, 481 or no answer ends the call. Zero: off.
    /// </summary>
    public TimeSpan ProbeInterval { get; init; } = DefaultProbeInterval;

    public static readonly TimeSpan DefaultProbeInterval = TimeSpan.FromSeconds(30);

    /// <summary>The first thing wrong with these settings, or null when they are usable.</summary>
    public string? Validate() =>
        string.IsNullOrWhiteSpace(Domain) ? "the SIP domain is empty"
        : Transport.Listen.Count == 0 ? "the gateway listens nowhere"
        : AdvertisedAddress.Equals(IPAddress.Any) || AdvertisedAddress.Equals(IPAddress.IPv6Any)
            ? "the advertised address must be a concrete address, not a wildcard"
        : Linger < TimeSpan.Zero ? "the linger time must not be negative"
        : MaxPendingCalls is < 1 ? "the pending-call limit must be at least 1 (or off)"
        : AnswerDelays.Values.Any(d => d < TimeSpan.Zero) ? "an answer delay must not be negative"
        : ProbeInterval < TimeSpan.Zero ? "the dialog probe interval must not be negative"
        : Registrar.Validate();
}
