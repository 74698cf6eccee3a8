using System.Buffers.Text;
using System.Text;

namespace CallCenter.Sip.Parsing;

public enum FrameStatus
{
    /// <summary>The buffer holds no complete message yet.</summary>
    NeedMoreData,

    /// <summary>A complete message of <c>length</c> bytes starts the buffer.</summary>
    Message,

    /// <summary><c>length</c> bytes of CRLF keep-alive start the buffer (RFC 5626 §3.5.1).</summary>
    KeepAlive,

    /// <summary>The stream cannot be framed any more (bad or oversized Content-Length): close the connection.</summary>
    Invalid,
}

/// <summary>Cuts SIP messages out of a byte stream by the empty line and Content-Length (RFC 3261 §18.3).</summary>
public static class SipStreamFramer
{
    public static FrameStatus TryFrame(ReadOnlySpan<byte> buffer, SipParserLimits limits, out int length, out SipParseError? error)
    {
        length = 0;
        error = null;
        var keepAlive = 0;
        while (keepAlive < buffer.Length && buffer[keepAlive] is (byte)'\r' or (byte)'\n')
        {
            keepAlive++;
        }

        if (keepAlive > 0)
        {
            length = keepAlive;
            return FrameStatus.KeepAlive;
        }

        if (!TryFindHeaderEnd(buffer, out var headerEnd, out var bodyStart))
        {
            if (buffer.Length > limits.MaxMessageBytes)
            {
                error = new SipParseError(SipParseErrorCode.TooLarge, "header section larger than the message limit");
                return FrameStatus.Invalid;
            }

            return FrameStatus.NeedMoreData;
        }

        if (!TryReadContentLength(buffer[..headerEnd], out var contentLength))
        {
            error = new SipParseError(SipParseErrorCode.BadContentLength, "Content-Length is not a valid number");
            return FrameStatus.Invalid;
        }

        var total = (long)bodyStart + contentLength;
        if (total > limits.MaxMessageBytes)
        {
            error = new SipParseError(SipParseErrorCode.TooLarge, $"message larger than {limits.MaxMessageBytes} bytes");
            return FrameStatus.Invalid;
        }

        if (buffer.Length < total)
        {
            return FrameStatus.NeedMoreData;
        }

        length = (int)total;
        return FrameStatus.Message;
    }

    /// <summary>Finds the empty line that ends the headers: CRLF CRLF, or a bare LF LF from lenient peers.</summary>
    internal static bool TryFindHeaderEnd(ReadOnlySpan<byte> data, out int headerEnd, out int bodyStart)
    {
        var crlf = data.IndexOf("\r\n\r\n"u8);
        var lf = data.IndexOf("\n\n"u8);
        if (lf >= 0 && (crlf < 0 || lf < crlf))
        {
            headerEnd = lf + 1;
            bodyStart = lf + 2;
            return true;
        }

        if (crlf >= 0)
        {
            headerEnd = crlf + 2;
            bodyStart = crlf + 4;
            return true;
        }

        headerEnd = bodyStart = 0;
        return false;
    }

    /// <summary>
    /// Absent Content-Length frames as 0; the parser then refuses the message with a 400 (§18.3). Two different
    /// values leave the frame boundary unknown, so the stream cannot be trusted any further.
    /// </summary>
    private static bool TryReadContentLength(ReadOnlySpan<byte> headers, out int contentLength)
    {
        contentLength = 0;
        var found = false;
        while (!headers.IsEmpty)
        {
            var newline = headers.IndexOf((byte)'\n');
            var line = newline >= 0 ? headers[..newline] : headers;
            headers = newline >= 0 ? headers[(newline + 1)..] : default;
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].TrimEnd(" \t"u8);
            if (!Ascii.EqualsIgnoreCase(name, "Content-Length"u8) && !Ascii.EqualsIgnoreCase(name, "l"u8))
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim(" \t\r"u8);
            if (!Utf8Parser.TryParse(value, out int parsed, out var consumed) || consumed != value.Length || parsed < 0
                || (found && parsed != contentLength))
            {
                return false;
            }

            contentLength = parsed;
            found = true;
        }

        return true;
    }
}
