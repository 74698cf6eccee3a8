using System.Buffers;
using System.Globalization;
using System.Text;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Serialization;

/// <summary>
/// Writes messages in canonical wire form: the start line, each header as <c>Name: value</c> in stored order,
/// Content-Length always equal to the body (in place of the first one, else last), CRLF, the body.
/// CR and LF inside a value become spaces, so no value can inject a header.
/// </summary>
public static class SipSerializer
{
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    public static byte[] Serialize(SipMessage message)
    {
        var writer = new ArrayBufferWriter<byte>(512 + message.Body.Length);
        Write(message, writer);
        return writer.WrittenSpan.ToArray();
    }

    public static void Write(SipMessage message, IBufferWriter<byte> writer)
    {
        switch (message)
        {
            case SipRequest request:
                WriteText(writer, request.Method);
                WriteText(writer, " ");
                WriteText(writer, request.RequestUri.ToString());
                WriteText(writer, " " + SipMessage.Version);
                break;
            case SipResponse response:
                WriteText(writer, SipMessage.Version + " ");
                WriteText(writer, response.StatusCode.ToString(CultureInfo.InvariantCulture));
                WriteText(writer, " ");
                WriteText(writer, response.ReasonPhrase);
                break;
        }

        writer.Write(Crlf);
        var contentLength = message.Body.Length.ToString(CultureInfo.InvariantCulture);
        var lengthWritten = false;
        foreach (var header in message.Headers)
        {
            if (ReferenceEquals(header.Name, SipHeaderNames.ContentLength))
            {
                if (!lengthWritten)
                {
                    WriteHeader(writer, SipHeaderNames.ContentLength, contentLength);
                    lengthWritten = true;
                }

                continue;
            }

            WriteHeader(writer, header.Name, header.Value);
        }

        if (!lengthWritten)
        {
            WriteHeader(writer, SipHeaderNames.ContentLength, contentLength);
        }

        writer.Write(Crlf);
        writer.Write(message.Body.Span);
    }

    private static void WriteHeader(IBufferWriter<byte> writer, string name, string value)
    {
        WriteText(writer, name);
        WriteText(writer, ": ");
        WriteText(writer, value);
        writer.Write(Crlf);
    }

    private static void WriteText(IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span);
        var destination = span[..written];
        if (destination.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
        {
            destination.Replace((byte)'\r', (byte)' ');
            destination.Replace((byte)'\n', (byte)' ');
        }

        writer.Advance(written);
    }
}
