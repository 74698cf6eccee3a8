namespace CallCenter.Sip.Sdp;

/// <summary>What made a session description unacceptable.</summary>
public enum SdpErrorKind
{
    Empty,
    TooLarge,
    TooManyLines,
    TooManyMedia,
    TooManyFormats,
    /// <summary>Not of the form "x=value", or contains a NUL.</summary>
    MalformedLine,
    /// <summary>RFC 4566 §5: a description with a type letter the parser does not know must be ignored whole.</summary>
    UnknownLineType,
    /// <summary>A known line where RFC 4566 does not allow it (o= inside a media section, r= before any t=, ...).</summary>
    MisplacedLine,
    DuplicateLine,
    MissingVersion,
    UnsupportedVersion,
    MissingOrigin,
    InvalidOrigin,
    MissingSessionName,
    MissingTiming,
    InvalidTiming,
    MissingConnection,
    InvalidConnection,
    InvalidMedia,
    InvalidBandwidth,
    InvalidAttribute,
}

/// <summary>A parse failure, naming the line (1-based; 0 when it concerns the whole text).</summary>
/// <param name="Kind">The rule that was broken.</param>
/// <param name="LineNumber">1-based line, or 0 for the whole text.</param>
/// <param name="Line">The offending line, cut short so hostile input cannot flood logs.</param>
/// <param name="Message">A human-readable explanation.</param>
public sealed record SdpError(SdpErrorKind Kind, int LineNumber, string? Line, string Message)
{
    public const int MaxQuotedLineLength = 80;

    public override string ToString() =>
        LineNumber == 0 ? $"{Kind}: {Message}" : $"{Kind} at line {LineNumber} ({Line}): {Message}";

    internal static SdpError At(SdpErrorKind kind, int lineNumber, ReadOnlySpan<char> line, string message) =>
        new(kind, lineNumber, Quote(line), message);

    internal static SdpError Whole(SdpErrorKind kind, string message) => new(kind, 0, null, message);

    internal static string Quote(ReadOnlySpan<char> line) =>
        line.Length <= MaxQuotedLineLength ? line.ToString() : string.Concat(line[..MaxQuotedLineLength], "...");
}
