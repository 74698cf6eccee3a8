namespace CallCenter.Media.Relay;

/// <summary>
/// A leg's counters at one moment. Received, Forwarded and Dropped describe packets arriving from this leg's
/// phone (Received = Forwarded + Dropped once a packet is handled); Sent counts what left toward the phone,
/// relayed from the other leg or played.
/// </summary>
/// <param name="RtpReceived">Datagrams that arrived on the RTP port, malformed ones included.</param>
/// <param name="RtpReceivedBytes">Their bytes.</param>
/// <param name="RtpForwarded">Relayed to the other leg.</param>
/// <param name="RtpDropped">Not relayed: malformed, refused by the latch, not bridged, unnegotiated, nowhere to send.</param>
/// <param name="RtpSent">Packets sent to this leg's phone.</param>
/// <param name="RtpSentBytes">Their bytes.</param>
/// <param name="RtcpReceived">Datagrams on the RTCP port (and RTCP multiplexed onto the RTP port).</param>
/// <param name="RtcpForwarded">RTCP relayed to the other leg.</param>
/// <param name="RtcpDropped">RTCP not relayed.</param>
/// <param name="ReceiveErrors">Receives that failed on either socket (oversized datagram, ICMP error, shutdown).</param>
/// <param name="LastRtpAt">When the last valid RTP packet from the phone arrived; null before the first.</param>
/// <param name="RtpHeld">Of <paramref name="RtpDropped"/>, valid packets not relayed by design: the legs were not (or no
/// longer) bridged, or the other phone was hearing hold audio. The rest of the drops are losses.</param>
public readonly record struct MediaLegStatistics(
    long RtpReceived,
    long RtpReceivedBytes,
    long RtpForwarded,
    long RtpDropped,
    long RtpSent,
    long RtpSentBytes,
    long RtcpReceived,
    long RtcpForwarded,
    long RtcpDropped,
    long ReceiveErrors,
    DateTimeOffset? LastRtpAt,
    long RtpHeld = 0);
