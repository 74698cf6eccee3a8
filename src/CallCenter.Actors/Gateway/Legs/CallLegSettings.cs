using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using CallCenter.Domain;
using CallCenter.Media.Audio;
using CallCenter.Media.Relay;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Sdp;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Actors.Gateway.Legs;

/// <summary>What every call's legs share on one node: who the center is on the wire, and its media.</summary>
/// <remarks><c>Listeners</c> are the gateway's bound transport addresses; their ports go into Via and Contact.</remarks>
public sealed record CallLegSettings(
    string Domain,
    IPAddress AdvertisedAddress,
    ImmutableArray<SipEndPoint> Listeners,
    IMediaRelayFactory Media,
    Func<IAudioSource> HoldAudio,
    SipTimers Timers)
{
    /// <summary>The user part of the center's own Contact and From URIs.</summary>
    public const string CenterUser = "callcenter";

    /// <summary>Our host in Via, Contact and SDP (IPv6 in brackets).</summary>
    public string Host => AdvertisedAddress.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{AdvertisedAddress}]" : AdvertisedAddress.ToString();

    /// <summary>Queues whose callers hear ringback before the answer (<see cref="SipGatewaySettings.AnswerDelays"/>).</summary>
    public ImmutableDictionary<QueueId, TimeSpan> AnswerDelays { get; init; } = ImmutableDictionary<QueueId, TimeSpan>.Empty;

    /// <summary>How often an answered leg's dialog is probed with OPTIONS (<see cref="SipGatewaySettings.ProbeInterval"/>); zero: never.</summary>
    public TimeSpan ProbeInterval { get; init; }

    public static CallLegSettings From(SipGatewaySettings gateway, IReadOnlyList<SipEndPoint> listeners) =>
        new(gateway.Domain, gateway.AdvertisedAddress, [.. listeners], gateway.Media, gateway.HoldAudio, gateway.Timers)
        {
            AnswerDelays = gateway.AnswerDelays,
            ProbeInterval = gateway.ProbeInterval,
        };

    public TimeSpan AnswerDelayFor(QueueId queue) => AnswerDelays.TryGetValue(queue, out var delay) ? delay : TimeSpan.Zero;

    /// <summary>The Via sent-by for requests we send over <paramref name="protocol"/>.</summary>
    public LocalSentBy SentBy(SipProtocol protocol) => new(protocol.ViaToken(), Host, PortOf(protocol));

    /// <summary>Our Contact for a dialog whose peer we reach over <paramref name="protocol"/>.</summary>
    public SipUri Contact(SipProtocol protocol)
    {
        var uri = SipUri.Sip(CenterUser, Host, PortOf(protocol));
        return protocol == SipProtocol.Tcp ? uri.WithParameter("transport", "tcp") : uri;
    }

    /// <summary>Our side of a leg's audio: the relay leg's port at the advertised address, G.711 and RFC 4733 events.</summary>
    public LocalAudioOptions Audio(IMediaLeg leg) => new() { Address = AdvertisedAddress, RtpPort = leg.LocalRtpPort };

    private int PortOf(SipProtocol protocol)
    {
        foreach (var listener in Listeners)
        {
            if (listener.Protocol == protocol)
            {
                return listener.Address.Port;
            }
        }

        return Listeners.IsDefaultOrEmpty ? SipHops.DefaultPort : Listeners[0].Address.Port;
    }
}
