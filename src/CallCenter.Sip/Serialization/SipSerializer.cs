using System.Buffers;
using System.Buffers.Text;
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
    /// <summary>The message as one exactly sized array: measured first, then written, so nothing is copied twice.</summary>
    public static byte[] Serialize(SipMessage message)
    {
        var counter = new CountingWriter();
        WriteTo(message, ref counter);
        var bytes = new byte[counter.Count];
        var writer = new SpanWriter(bytes);
        WriteTo(message, ref writer);
        return bytes;
    }

    public static void Write(SipMessage message, IBufferWriter<byte> writer)
    {
        var adapter = new BufferWriterAdapter(writer);
        WriteTo(message, ref adapter);
    }

    private static void WriteTo<TWriter>(SipMessage message, ref TWriter writer)
        where TWriter : struct, IByteWriter, allows ref struct
    {
        switch (message)
        {
            case SipRequest request:
                writer.WriteText(request.Method);
                writer.WriteByte((byte)' ');
                WriteUri(request.RequestUri, ref writer);
                writer.WriteAscii(" SIP/2.0"u8);
                break;
            case SipResponse response:
                writer.WriteAscii("SIP/2.0 "u8);
                writer.WriteNumber(response.StatusCode);
                writer.WriteByte((byte)' ');
                writer.WriteText(response.ReasonPhrase);
                break;
        }

        writer.WriteAscii("\r\n"u8);
        var lengthWritten = false;
        foreach (var header in message.Headers)
        {
            if (ReferenceEquals(header.Name, SipHeaderNames.ContentLength))
            {
                if (!lengthWritten)
                {
                    WriteContentLength(message, ref writer);
                    lengthWritten = true;
                }

                continue;
            }

            writer.WriteText(header.Name);
            writer.WriteAscii(": "u8);
            writer.WriteText(header.Value);
            writer.WriteAscii("\r\n"u8);
        }

        if (!lengthWritten)
        {
            WriteContentLength(message, ref writer);
        }

        writer.WriteAscii("\r\n"u8);
        writer.WriteAscii(message.Body.Span);
    }

    private static void WriteContentLength<TWriter>(SipMessage message, ref TWriter writer)
        where TWriter : struct, IByteWriter, allows ref struct
    {
        writer.WriteAscii("Content-Length: "u8);
        writer.WriteNumber(message.Body.Length);
        writer.WriteAscii("\r\n"u8);
    }

    /// <summary>The same text as <see cref="SipUri.ToString"/>, written in place without building a string.</summary>
    private static void WriteUri<TWriter>(SipUri uri, ref TWriter writer)
        where TWriter : struct, IByteWriter, allows ref struct
    {
        writer.WriteText(uri.Scheme);
        writer.WriteByte((byte)':');
        if (uri.Opaque is not null)
        {
            writer.WriteText(uri.Opaque);
            return;
        }

        if (uri.User is not null)
        {
            writer.WriteText(uri.User);
            if (uri.Password is not null)
            {
                writer.WriteByte((byte)':');
                writer.WriteText(uri.Password);
            }

            writer.WriteByte((byte)'@');
        }

        writer.WriteText(uri.Host);
        if (uri.Port is { } port)
        {
            writer.WriteByte((byte)':');
            writer.WriteNumber(port);
        }

        foreach (var parameter in uri.Parameters)
        {
            writer.WriteByte((byte)';');
            writer.WriteText(parameter.Name);
            if (parameter.Value is not null)
            {
                writer.WriteByte((byte)'=');
                writer.WriteText(parameter.Value);
            }
        }

        if (uri.Headers is not null)
        {
            writer.WriteByte((byte)'?');
            writer.WriteText(uri.Headers);
        }
    }

    private interface IByteWriter
    {
        void WriteByte(byte value);

        /// <summary>Bytes written as they are (ASCII literals, the body).</summary>
        void WriteAscii(ReadOnlySpan<byte> bytes);

        /// <summary>Text as UTF-8, with CR and LF turned into spaces.</summary>
        void WriteText(string text);

        void WriteNumber(int value);
    }

    /// <summary>Counts the bytes a message needs.</summary>
    private struct CountingWriter : IByteWriter
    {
        public int Count { get; private set; }

        public void WriteByte(byte value) => Count++;

        public void WriteAscii(ReadOnlySpan<byte> bytes) => Count += bytes.Length;

        public void WriteText(string text) => Count += Encoding.UTF8.GetByteCount(text);

        public void WriteNumber(int value) => Count += value < 0 ? 1 + DigitCount((ulong)-(long)value) : DigitCount((ulong)value);

        private static int DigitCount(ulong value)
        {
            var digits = 1;
            while (value >= 10)
            {
                value /= 10;
                digits++;
            }

            return digits;
        }
    }

    /// <summary>Writes into an array sized by <see cref="CountingWriter"/>.</summary>
    private ref struct SpanWriter(Span<byte> destination) : IByteWriter
    {
        private Span<byte> _free = destination;

        public void WriteByte(byte value)
        {
            _free[0] = value;
            _free = _free[1..];
        }

        public void WriteAscii(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_free);
            _free = _free[bytes.Length..];
        }

        public void WriteText(string text)
        {
            var written = EncodeWithoutLineBreaks(text, _free);
            _free = _free[written..];
        }

        public void WriteNumber(int value)
        {
            Utf8Formatter.TryFormat(value, _free, out var written);
            _free = _free[written..];
        }
    }

    /// <summary>Writes into a caller's buffer writer, asking for exactly the room each piece needs.</summary>
    private readonly struct BufferWriterAdapter(IBufferWriter<byte> writer) : IByteWriter
    {
        public void WriteByte(byte value)
        {
            writer.GetSpan(1)[0] = value;
            writer.Advance(1);
        }

        public void WriteAscii(ReadOnlySpan<byte> bytes) => writer.Write(bytes);

        public void WriteText(string text)
        {
            var span = writer.GetSpan(Encoding.UTF8.GetByteCount(text));
            writer.Advance(EncodeWithoutLineBreaks(text, span));
        }

        public void WriteNumber(int value)
        {
            var span = writer.GetSpan(11);
            Utf8Formatter.TryFormat(value, span, out var written);
            writer.Advance(written);
        }
    }

    private static int EncodeWithoutLineBreaks(string text, Span<byte> destination)
    {
        var written = Encoding.UTF8.GetBytes(text, destination);
        var encoded = destination[..written];
        if (encoded.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
        {
            encoded.Replace((byte)'\r', (byte)' ');
            encoded.Replace((byte)'\n', (byte)' ');
        }

        return written;
    }
}
