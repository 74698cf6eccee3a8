namespace CallCenter.Media.Rtp;

/// <summary>The fixed-header fields a sender chooses for one packet (version 2 is implied).</summary>
public readonly record struct RtpHeader(byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, bool Marker = false);
