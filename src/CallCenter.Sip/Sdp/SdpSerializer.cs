using System.Buffers;
using System.Globalization;
using System.Text;

namespace CallCenter.Sip.Sdp;

/// <summary>Writes canonical SDP: CRLF line ends and the line order of RFC 4566 §5.</summary>
/// <remarks>
/// Values are written as they are held. Parsed values never contain CR, LF or NUL; callers who build
/// descriptions by hand must keep it that way, or the text will not parse back to the same value.
/// </remarks>
public static class SdpSerializer
{
    // One builder per thread, reused: every call offers and answers SDP, and a fresh builder cost its buffers each time.
    [ThreadStatic]
    private static StringBuilder? t_cached;

    public static string Serialize(SessionDescription session)
    {
        var text = Rent();
        Write(text, session);
        var result = text.ToString();
        Return(text);
        return result;
    }

    /// <summary>The UTF-8 body, encoded straight from the builder (no intermediate string).</summary>
    public static byte[] SerializeToUtf8(SessionDescription session)
    {
        var text = Rent();
        Write(text, session);
        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        text.CopyTo(0, chars, 0, text.Length);
        var bytes = Encoding.UTF8.GetBytes(chars, 0, text.Length);
        ArrayPool<char>.Shared.Return(chars);
        Return(text);
        return bytes;
    }

    private static StringBuilder Rent()
    {
        var text = t_cached ?? new StringBuilder(512);
        t_cached = null;
        return text;
    }

    private static void Return(StringBuilder text)
    {
        // An unusually large description is not worth keeping a big buffer for.
        if (text.Capacity <= 4096)
        {
            text.Clear();
            t_cached = text;
        }
    }

    private static void Write(StringBuilder text, SessionDescription session)
    {
        Line(text, 'v', "0");
        var o = session.Origin;
        text.Append(CultureInfo.InvariantCulture, $"o={o.Username} {o.SessionId} {o.SessionVersion} {o.NetworkType} {o.AddressType} {o.Address}\r\n");
        Line(text, 's', session.SessionName.Length == 0 ? " " : session.SessionName);
        Optional(text, 'i', session.Information);
        Optional(text, 'u', session.Uri);
        foreach (var email in session.Emails)
        {
            Line(text, 'e', email);
        }

        foreach (var phone in session.Phones)
        {
            Line(text, 'p', phone);
        }

        if (session.Connection is { } connection)
        {
            Connection(text, connection);
        }

        Bandwidths(text, session.Bandwidths);
        foreach (var timing in session.Timings)
        {
            text.Append(CultureInfo.InvariantCulture, $"t={timing.StartTime} {timing.StopTime}\r\n");
            foreach (var repeat in timing.Repeats)
            {
                Line(text, 'r', repeat);
            }
        }

        Optional(text, 'z', session.TimeZones);
        Optional(text, 'k', session.EncryptionKey);
        Attributes(text, session.Attributes);
        foreach (var media in session.Media)
        {
            WriteMedia(text, media);
        }
    }

    /// <summary>One m= section on its own, for logs and diagnostics.</summary>
    public static string SerializeMedia(MediaDescription media)
    {
        var text = new StringBuilder(128);
        WriteMedia(text, media);
        return text.ToString();
    }

    private static void WriteMedia(StringBuilder text, MediaDescription media)
    {
        text.Append(CultureInfo.InvariantCulture, $"m={media.Media} {media.Port}");
        if (media.PortCount is { } count)
        {
            text.Append(CultureInfo.InvariantCulture, $"/{count}");
        }

        text.Append(' ').Append(media.Protocol);
        foreach (var format in media.Formats)
        {
            text.Append(' ').Append(format);
        }

        text.Append("\r\n");
        Optional(text, 'i', media.Information);
        foreach (var connection in media.Connections)
        {
            Connection(text, connection);
        }

        Bandwidths(text, media.Bandwidths);
        Optional(text, 'k', media.EncryptionKey);
        Attributes(text, media.Attributes);
    }

    private static void Connection(StringBuilder text, SdpConnection c) =>
        text.Append(CultureInfo.InvariantCulture, $"c={c.NetworkType} {c.AddressType} {c.Address}\r\n");

    private static void Bandwidths(StringBuilder text, ValueList<SdpBandwidth> bandwidths)
    {
        foreach (var b in bandwidths)
        {
            text.Append(CultureInfo.InvariantCulture, $"b={b.Type}:{b.Value}\r\n");
        }
    }

    private static void Attributes(StringBuilder text, ValueList<SdpAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            text.Append("a=").Append(attribute.Name);
            if (attribute.Value is { } value)
            {
                text.Append(':').Append(value);
            }

            text.Append("\r\n");
        }
    }

    private static void Optional(StringBuilder text, char type, string? value)
    {
        if (value is not null)
        {
            Line(text, type, value);
        }
    }

    private static void Line(StringBuilder text, char type, string value) =>
        text.Append(type).Append('=').Append(value).Append("\r\n");
}
