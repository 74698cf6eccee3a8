using System.Text;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Parsing;

/// <summary>Splits the header section into lines: unfolds continuation lines, canonicalizes names, trims values (§7.3.1).</summary>
internal static class HeaderSectionParser
{
    public static bool TryParse(ReadOnlySpan<char> text, SipParserLimits limits, out SipHeaders headers, out ParseProblem problem)
    {
        headers = SipHeaders.Empty;
        problem = default;
        var list = new List<SipHeader>(16);
        string? name = null;
        ReadOnlySpan<char> value = default;
        StringBuilder? folded = null;

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

                folded ??= new StringBuilder().Append(value);
                var continuation = line.Trim(" \t");
                if (!continuation.IsEmpty)
                {
                    (folded.Length > 0 ? folded.Append(' ') : folded).Append(continuation);
                }

                continue;
            }

            if (name is not null)
            {
                list.Add(new SipHeader(name, folded?.ToString() ?? value.ToString()));
                folded = null;
            }

            var colon = line.IndexOf(':');
            var rawName = colon > 0 ? line[..colon].TrimEnd(" \t") : default;
            if (!SipGrammar.IsToken(rawName))
            {
                problem = new ParseProblem(SipParseErrorCode.BadHeaderLine, "header line without a valid name and colon");
                return false;
            }

            if (list.Count >= limits.MaxHeaderCount)
            {
                problem = new ParseProblem(SipParseErrorCode.TooManyHeaders, $"more than {limits.MaxHeaderCount} header lines");
                return false;
            }

            name = SipHeaderNames.Canonicalize(rawName);
            value = line[(colon + 1)..].Trim(" \t");
        }

        if (name is not null)
        {
            list.Add(new SipHeader(name, folded?.ToString() ?? value.ToString()));
        }

        headers = new SipHeaders(list.ToArray());
        return true;
    }
}
