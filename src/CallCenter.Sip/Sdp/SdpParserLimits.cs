namespace CallCenter.Sip.Sdp;

/// <summary>Bounds that keep hostile input from costing much; the defaults are far above what phones send.</summary>
public sealed record SdpParserLimits
{
    public static SdpParserLimits Default { get; } = new();

    /// <summary>Characters (or bytes, for UTF-8 input). A real call SDP is under 2 KB.</summary>
    public int MaxLength { get; init; } = 32 * 1024;

    public int MaxLines { get; init; } = 1024;

    public int MaxMedia { get; init; } = 64;

    /// <summary>RTP has 128 payload types; more formats than that on one m= line is garbage.</summary>
    public int MaxFormatsPerMedia { get; init; } = 128;
}
