namespace CallCenter.Sip.Sdp;

/// <summary>A b= line: bandwidth type (CT, AS, TIAS, ...) and its value (RFC 4566 §5.8).</summary>
public sealed record SdpBandwidth(string Type, ulong Value);
