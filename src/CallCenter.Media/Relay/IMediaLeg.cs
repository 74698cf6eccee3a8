using System.Net;

namespace CallCenter.Media.Relay;

/// <summary>One side of a relayed call as its owner sees it: local ports for the SDP, the peer's SDP, counters.</summary>
public interface IMediaLeg
{
    MediaLegId Id { get; }

    /// <summary>The even port to put in this leg's SDP m= line (RTCP is the port above).</summary>
    int LocalRtpPort { get; }

    int LocalRtcpPort { get; }

    /// <summary>The bound RTP address (the bind address may be a wildcard: the SDP needs the node's public one).</summary>
    IPEndPoint LocalRtpEndPoint { get; }

    /// <summary>
    /// Where the phone said (in SDP) it receives RTP and RTCP; RTCP defaults to the RTP port + 1. Used until
    /// packets arrive (then the relay answers where they come from); a different address forgets the latch.
    /// Starts the media timeout clock for this leg.
    /// </summary>
    void SetRemote(IPEndPoint rtp, IPEndPoint? rtcp = null);

    /// <summary>The formats this leg negotiated (voice codec, telephone-event …) under the phone's numbers.</summary>
    void SetFormats(IReadOnlyList<PayloadFormat> formats);

    /// <summary>
    /// Suspends the media timeout while the phone legitimately sends nothing (it holds the call: SDP
    /// recvonly/inactive). Resuming restarts the silence clock.
    /// </summary>
    bool TimeoutPaused { get; set; }

    /// <summary>The SDP address, if set.</summary>
    IPEndPoint? RemoteRtp { get; }

    /// <summary>Where RTP from this leg's phone actually comes from (and where the relay sends), once known.</summary>
    IPEndPoint? LatchedRtp { get; }

    MediaLegStatistics Statistics { get; }
}
