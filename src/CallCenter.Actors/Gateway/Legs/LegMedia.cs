using System.Net;
using CallCenter.Media.Relay;
using CallCenter.Sip.Sdp;

namespace CallCenter.Actors.Gateway.Legs;

/// <summary>Turns what a leg negotiated in SDP into the relay's settings for that leg.</summary>
internal static class LegMedia
{
    public const string SdpContentType = "application/sdp";

    public static bool IsSdp(string? contentType) =>
        contentType is not null && contentType.AsSpan().Trim().StartsWith(SdpContentType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Points a relay leg at what the peer negotiated: its codec and events under the peer's payload numbers, its
    /// address, and whether its silence is expected (it holds the call).</summary>
    /// <exception cref="ArgumentException">The relay cannot reach that address (another address family).</exception>
    /// <exception cref="ObjectDisposedException">The relay is already closed.</exception>
    public static void Apply(IMediaLeg leg, NegotiatedAudio audio)
    {
        var codec = audio.Codec;
        var formats = new List<PayloadFormat> { new((byte)codec.PayloadType, codec.EncodingName, codec.ClockRate, codec.ChannelCount) };
        if (audio.TelephoneEventPayloadType is { } events)
        {
            formats.Add(PayloadFormat.TelephoneEvent((byte)events));
        }

        leg.SetFormats(formats);
        if (!audio.IsLegacyHold && audio.RemoteRtp.TryGetIPEndPoint(out var rtp))
        {
            IPEndPoint? rtcp = audio.RemoteRtcp is { } remoteRtcp && remoteRtcp.TryGetIPEndPoint(out var address) ? address : null;
            leg.SetRemote(rtp, rtcp);
        }

        // A phone that holds the call sends nothing; that silence is no media failure.
        leg.TimeoutPaused = !audio.RemoteDirection.CanSend();
    }
}
