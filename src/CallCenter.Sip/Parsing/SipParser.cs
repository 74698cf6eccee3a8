using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Parsing;

/// <summary>
/// Parses one SIP message from bytes: a UDP datagram, or one frame cut from a TCP stream by
/// <see cref="SipStreamFramer"/>. Never throws on network input: every problem is a <see cref="SipParseError"/>.
/// </summary>
public static class SipParser
{
    public static bool TryParse(ReadOnlySpan<byte> data, [NotNullWhen(true)] out SipMessage? message, [NotNullWhen(false)] out SipParseError? error) =>
        TryParse(data, SipParserLimits.Default, streamFramed: false, out message, out error);

    /// <param name="data">The datagram or frame.</param>
    /// <param name="limits">Size bounds.</param>
    /// <param name="streamFramed">True on TCP, where Content-Length is mandatory (RFC 3261 §18.3).</param>
    /// <param name="message">The parsed, validated message.</param>
    /// <param name="error">Why the message was refused.</param>
    public static bool TryParse(
        ReadOnlySpan<byte> data,
        SipParserLimits limits,
        bool streamFramed,
        [NotNullWhen(true)] out SipMessage? message,
        [NotNullWhen(false)] out SipParseError? error)
    {
        message = null;
        var start = 0;
        while (start < data.Length && data[start] is (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == data.Length)
        {
            error = new SipParseError(SipParseErrorCode.KeepAlive, "keep-alive");
            return false;
        }

        if (data.Length > limits.MaxMessageBytes)
        {
            error = new SipParseError(SipParseErrorCode.TooLarge, $"message larger than {limits.MaxMessageBytes} bytes");
            return false;
        }

        data = data[start..];
        if (!SipStreamFramer.TryFindHeaderEnd(data, out var headerEnd, out var bodyStart))
        {
            if (streamFramed)
            {
                error = new SipParseError(SipParseErrorCode.Incomplete, "no empty line after the headers");
                return false;
            }

            headerEnd = bodyStart = data.Length;
        }

        var headerBytes = data[..headerEnd];
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(headerBytes.Length, 16));
        try
        {
            var count = Encoding.UTF8.GetChars(headerBytes, chars);
            return TryParseText(chars.AsSpan(0, count), data[bodyStart..], limits, streamFramed, out message, out error);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static bool TryParseText(
        ReadOnlySpan<char> text,
        ReadOnlySpan<byte> remaining,
        SipParserLimits limits,
        bool streamFramed,
        out SipMessage? message,
        out SipParseError? error)
    {
        message = null;
        var lineEnd = text.IndexOf('\n');
        var startLine = TrimCr(lineEnd >= 0 ? text[..lineEnd] : text);
        if (startLine.Length > limits.MaxLineLength)
        {
            error = new SipParseError(SipParseErrorCode.LineTooLong, "start line too long");
            return false;
        }

        if (!StartLineParser.TryParse(startLine, out var startLineValue, out error))
        {
            return false;
        }

        var headerText = lineEnd >= 0 ? text[(lineEnd + 1)..] : default;
        if (!HeaderSectionParser.TryParse(headerText, limits, out var headers, out var headerError))
        {
            var readable = headerError.Code == SipParseErrorCode.BadHeaderLine ? headers : SipHeaders.Empty;
            error = new SipParseError(headerError.Code, headerError.Reason, startLineValue.ToRequest(readable));
            return false;
        }

        if (!ContentLengthReader.TryGetBody(headers, remaining, streamFramed, out var body, out var bodyError))
        {
            var problem = bodyError.GetValueOrDefault();
            error = new SipParseError(problem.Code, problem.Reason, startLineValue.ToRequest(headers));
            return false;
        }

        message = startLineValue.IsRequest
            ? new SipRequest(startLineValue.Method!, startLineValue.RequestUri!, headers, body)
            : new SipResponse(startLineValue.StatusCode, startLineValue.ReasonPhrase!, headers, body);
        var request = message as SipRequest;

        if (startLineValue.Problem is { } startProblem)
        {
            message = null;
            error = new SipParseError(startProblem.Code, startProblem.Reason, request);
            return false;
        }

        if (MessageValidator.Validate(message) is { } invalid)
        {
            message = null;
            error = new SipParseError(invalid.Code, invalid.Reason, request);
            return false;
        }

        error = null;
        return true;
    }

    private static ReadOnlySpan<char> TrimCr(ReadOnlySpan<char> line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;
}
