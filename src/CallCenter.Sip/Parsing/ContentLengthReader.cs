using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Parsing;

/// <summary>Applies Content-Length to the bytes after the headers (RFC 3261 §18.3, §20.14).</summary>
internal static class ContentLengthReader
{
    public static bool TryGetBody(
        SipHeaders headers,
        ReadOnlySpan<byte> remaining,
        bool streamFramed,
        out ReadOnlyMemory<byte> body,
        out ParseProblem? problem)
    {
        body = default;
        problem = null;
        int? declared = null;
        foreach (var header in headers)
        {
            if (!ReferenceEquals(header.Name, SipHeaderNames.ContentLength))
            {
                continue;
            }

            if (!TryParseLength(header.Value, out var length))
            {
                problem = new ParseProblem(SipParseErrorCode.BadContentLength, "Content-Length is not a valid number");
                return false;
            }

            if (declared is { } previous && previous != length)
            {
                problem = new ParseProblem(SipParseErrorCode.BadContentLength, "conflicting Content-Length headers");
                return false;
            }

            declared = length;
        }

        if (declared is null)
        {
            if (streamFramed)
            {
                problem = new ParseProblem(SipParseErrorCode.MissingHeader, "Content-Length is required on stream transports");
                return false;
            }

            body = remaining.IsEmpty ? default : remaining.ToArray();
            return true;
        }

        if (declared.Value > remaining.Length)
        {
            problem = new ParseProblem(SipParseErrorCode.BodyTruncated, "Content-Length is larger than the message body");
            return false;
        }

        body = declared.Value == 0 ? default : remaining[..declared.Value].ToArray();
        return true;
    }

    private static bool TryParseLength(string text, out int length)
    {
        length = 0;
        var span = text.AsSpan().Trim(" \t");
        if (span.IsEmpty || span.Length > 9)
        {
            return false;
        }

        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            length = length * 10 + (c - '0');
        }

        return true;
    }
}
