using System.Globalization;

namespace CallCenter.Sip.Sdp;

/// <summary>Strict digit-only number parsing: no sign, no spaces, no culture.</summary>
internal static class SdpNumbers
{
    public static bool TryParseULong(ReadOnlySpan<char> text, out ulong value) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public static bool TryParsePort(ReadOnlySpan<char> text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;

    public static bool TryParsePositiveInt(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    /// <summary>RTP payload types are seven bits (RFC 3550 §5.1).</summary>
    public static bool TryParsePayloadType(ReadOnlySpan<char> text, out int payloadType) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out payloadType) && payloadType <= 127;
}
