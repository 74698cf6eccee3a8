using System.Buffers;
using System.Text;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Parsing;

/// <summary>Splits the header section into lines: unfolds continuation lines, canonicalizes names, trims values (§7.3.1).</summary>
internal static class HeaderSectionParser
{
    public static bool TryParse(ReadOnlySpan<char> text, SipParserLimits limits, out SipHeaders headers, out ParseProblem problem)
    {
        headers = SipHeaders.Empty;
        var buffer = ArrayPool<SipHeader>.Shared.Rent(32);
        var count = 0;
        try
        {
            var ok = TryReadLines(text, limits, ref buffer, ref count, out problem);

            // Even a failed section hands back the lines it read, so the transport can still answer 400 when a
            // single broken line sits among intact Via, From, To, Call-ID and CSeq headers.
            headers = count == 0 ? SipHeaders.Empty : new SipHeaders(buffer.AsSpan(0, count).ToArray());
            return ok;
        }
        finally
        {
            ArrayPool<SipHeader>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static bool TryReadLines(ReadOnlySpan<char> text, SipParserLimits limits, ref SipHeader[] buffer, ref int count, out ParseProblem problem)
    {
        problem = default;
        string? name = null;
        var repeating = false;
        ReadOnlySpan<char> value = default;
        StringBuilder? folded = null;
        ParseProblem? brokenLine = null;

        while (!text.IsEmpty)
        {
            var newline = text.IndexOf('\n');
            var line = newline >= 0 ? text[..newline] : text;
            text = newline >= 0 ? text[(newline + 1)..] : default;
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (line.Length > limits.MaxLineLength)
            {
                problem = new ParseProblem(SipParseErrorCode.LineTooLong, "header line too long");
                return false;
            }

            if (line.IsEmpty)
            {
                continue;
            }

            if (SipGrammar.IsWhitespace(line[0]))
            {
                if (name is null)
                {
                    problem = new ParseProblem(SipParseErrorCode.BadHeaderLine, "continuation line before any header");
                    return false;
                }

                // Folding is rare on the wire, so only a folded header pays for a builder (§7.3.1: the fold is one SP).
                folded ??= new StringBuilder().Append(value);
                var continuation = line.Trim(" \t");
                if (!continuation.IsEmpty)
                {
                    (folded.Length > 0 ? folded.Append(' ') : folded).Append(continuation);
                }

                if (folded.Length > limits.MaxLineLength)
                {
                    problem = new ParseProblem(SipParseErrorCode.LineTooLong, "folded header too long");
                    return false;
                }

                continue;
            }

            if (name is not null && !TryAdd(name, repeating, value, folded, limits, ref buffer, ref count, out problem))
            {
                return false;
            }

            folded = null;
            var colon = line.IndexOf(':');
            var rawName = colon > 0 ? line[..colon].TrimEnd(" \t") : default;
            if (!SipGrammar.IsToken(rawName))
            {
                // Keep reading: the message is refused either way, but the lines after it may carry what a 400 needs.
                brokenLine ??= new ParseProblem(SipParseErrorCode.BadHeaderLine, "header line without a valid name and colon");
                name = null;
                continue;
            }

            name = SipHeaderNames.Canonicalize(rawName, out repeating);
            value = line[(colon + 1)..].Trim(" \t");
        }

        if (name is not null && !TryAdd(name, repeating, value, folded, limits, ref buffer, ref count, out problem))
        {
            return false;
        }

        problem = brokenLine.GetValueOrDefault();
        return brokenLine is null;
    }

    private static bool TryAdd(
        string name,
        bool repeating,
        ReadOnlySpan<char> value,
        StringBuilder? folded,
        SipParserLimits limits,
        ref SipHeader[] buffer,
        ref int count,
        out ParseProblem problem)
    {
        problem = default;
        if (count >= limits.MaxHeaderCount)
        {
            problem = new ParseProblem(SipParseErrorCode.TooManyHeaders, $"more than {limits.MaxHeaderCount} header lines");
            return false;
        }

        var text = folded?.ToString();
        var span = text is null ? value : text.AsSpan();
        if (SipGrammar.HasForbiddenControl(span))
        {
            problem = new ParseProblem(SipParseErrorCode.BadHeaderValue, $"control character in the {name} header");
            return false;
        }

        if (count == buffer.Length)
        {
            var larger = ArrayPool<SipHeader>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, count).CopyTo(larger);
            ArrayPool<SipHeader>.Shared.Return(buffer, clearArray: true);
            buffer = larger;
        }

        buffer[count++] = new SipHeader(name, text ?? ValueString(span, repeating));
        return true;
    }

    private static string ValueString(ReadOnlySpan<char> value, bool repeating)
    {
        if (SmallNumbers.TryGet(value, out var number))
        {
            return number;
        }

        return repeating ? HeaderValueCache.Get(value) : value.ToString();
    }
}
