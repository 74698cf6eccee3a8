namespace CallCenter.Sip.Parsing;

/// <summary>Bounds that keep hostile input from costing memory or time.</summary>
public sealed record SipParserLimits
{
    public static readonly SipParserLimits Default = new();

    public int MaxMessageBytes { get; init; } = 64 * 1024;

    public int MaxHeaderCount { get; init; } = 128;

    public int MaxLineLength { get; init; } = 8 * 1024;
}
