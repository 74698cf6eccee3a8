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
    public static string Serialize(SessionDescription session)
    {
        var text = new StringBuilder(512);
        Line(text, 'v', "0");
        var o = session.Origin;
        Line(text, 'o', $"{o.Username} {o.SessionId} {o.SessionVersion.ToString(CultureInfo.InvariantCulture)} {o.NetworkType} {o.AddressType} {o.Address}");
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
            Line(text, 't', timing.StartTime.ToString(CultureInfo.InvariantCulture) + " " + timing.StopTime.ToString(CultureInfo.InvariantCulture));
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

        return text.ToString();
    }

    public static byte[] SerializeToUtf8(SessionDescription session) => Encoding.UTF8.GetBytes(Serialize(session));

    /// <summary>One m= section on its own, for logs and diagnostics.</summary>
    public static string SerializeMedia(MediaDescription media)
    {
        var text = new StringBuilder(128);
        WriteMedia(text, media);
        return text.ToString();
    }

    private static void WriteMedia(StringBuilder text, MediaDescription media)
    {
        text.Append("m=").Append(media.Media).Append(' ').Append(media.Port.ToString(CultureInfo.InvariantCulture));
        if (media.PortCount is { } count)
        {
            text.Append('/').Append(count.ToString(CultureInfo.InvariantCulture));
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
        Line(text, 'c', $"{c.NetworkType} {c.AddressType} {c.Address}");

    private static void Bandwidths(StringBuilder text, ValueList<SdpBandwidth> bandwidths)
    {
        foreach (var b in bandwidths)
        {
            Line(text, 'b', b.Type + ":" + b.Value.ToString(CultureInfo.InvariantCulture));
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
