namespace CallCenter.Sip.Sdp;

/// <summary>A t= line with the r= lines that follow it (RFC 4566 §5.9, §5.10); 0 0 means unbounded.</summary>
/// <param name="StartTime">NTP seconds, or 0.</param>
/// <param name="StopTime">NTP seconds, or 0 for no end.</param>
/// <param name="Repeats">The r= values, verbatim: a B2BUA never schedules sessions, it only carries them.</param>
public sealed record SdpTiming(ulong StartTime, ulong StopTime, ValueList<string> Repeats = default)
{
    public static SdpTiming Unbounded { get; } = new(0, 0);
}
