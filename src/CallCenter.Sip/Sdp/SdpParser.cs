using System.Text;

namespace CallCenter.Sip.Sdp;

/// <summary>
/// Parses SDP (RFC 4566) from network input. Never throws: every failure is an <see cref="SdpError"/>.
/// </summary>
/// <remarks>
/// Tolerant where peers commonly stray (LF-only line ends, trailing blanks, blank lines, lines out of
/// RFC order within a section, a UTF-8 byte order mark) and strict on what the RFC makes mandatory.
/// </remarks>
public static class SdpParser
{
    public static bool TryParse(string text, out SessionDescription session, out SdpError error) =>
        TryParse(text.AsSpan(), SdpParserLimits.Default, out session, out error);

    public static bool TryParse(ReadOnlySpan<char> text, out SessionDescription session, out SdpError error) =>
        TryParse(text, SdpParserLimits.Default, out session, out error);

    public static bool TryParse(ReadOnlySpan<byte> utf8, out SessionDescription session, out SdpError error) =>
        TryParse(utf8, SdpParserLimits.Default, out session, out error);

    /// <summary>Parses a UTF-8 body (RFC 4566 §5: the default charset); invalid bytes decode to U+FFFD.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, SdpParserLimits limits, out SessionDescription session, out SdpError error)
    {
        // Checked before decoding so an oversized body costs nothing.
        if (utf8.Length > limits.MaxLength)
        {
            session = null!;
            error = SdpError.Whole(SdpErrorKind.TooLarge, $"{utf8.Length} bytes, limit {limits.MaxLength}");
            return false;
        }

        return TryParse(Encoding.UTF8.GetString(utf8).AsSpan(), limits, out session, out error);
    }

    public static bool TryParse(ReadOnlySpan<char> text, SdpParserLimits limits, out SessionDescription session, out SdpError error)
    {
        session = null!;
        if (text.Length > limits.MaxLength)
        {
            error = SdpError.Whole(SdpErrorKind.TooLarge, $"{text.Length} characters, limit {limits.MaxLength}");
            return false;
        }

        if (!text.IsEmpty && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var state = new SdpParseState(limits);
        var lineNumber = 0;
        var position = 0;
        while (position < text.Length)
        {
            var rest = text[position..];
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            position += end < 0 ? rest.Length : end + 1;
            lineNumber++;
            if (lineNumber > limits.MaxLines)
            {
                error = SdpError.At(SdpErrorKind.TooManyLines, lineNumber, line, $"more than {limits.MaxLines} lines");
                return false;
            }

            line = line.TrimEnd(" \t\r");
            if (line.IsEmpty)
            {
                continue;
            }

            if (state.ReadLine(line, lineNumber) is { } lineError)
            {
                error = lineError;
                return false;
            }
        }

        return state.TryFinish(out session, out error);
    }
}
