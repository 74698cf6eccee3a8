using System.Globalization;

namespace CallCenter.Sip.Sdp;

/// <summary>An a=rtpmap value: payload type → encoding/clock rate[/channels] (RFC 4566 §6).</summary>
public sealed record SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, int? Channels = null)
{
    /// <summary>Channels, with RFC 4566's default of one when the rtpmap omits them.</summary>
    public int ChannelCount => Channels ?? 1;

    /// <summary>Encoding names are case-insensitive (RFC 4855 §3); channels compare with their default.</summary>
    public bool IsSameCodec(string encodingName, int clockRate, int channels) =>
        string.Equals(EncodingName, encodingName, StringComparison.OrdinalIgnoreCase)
        && ClockRate == clockRate
        && ChannelCount == channels;

    public string ToValue()
    {
        var value = PayloadType.ToString(CultureInfo.InvariantCulture) + " " + EncodingName + "/"
            + ClockRate.ToString(CultureInfo.InvariantCulture);
        return Channels is { } channels ? value + "/" + channels.ToString(CultureInfo.InvariantCulture) : value;
    }

    public SdpAttribute ToAttribute() => new(SdpAttributeNames.RtpMap, ToValue());

    public static bool TryParse(ReadOnlySpan<char> value, out SdpRtpMap rtpMap)
    {
        rtpMap = null!;
        value = value.Trim();
        var space = value.IndexOfAny(' ', '\t');
        if (space <= 0 || !SdpNumbers.TryParsePayloadType(value[..space], out var payloadType))
        {
            return false;
        }

        var rest = value[(space + 1)..].Trim();
        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var encoding = rest[..slash];
        if (encoding.ContainsAny(' ', '\t'))
        {
            return false;
        }

        rest = rest[(slash + 1)..];
        int? channels = null;
        slash = rest.IndexOf('/');
        if (slash >= 0)
        {
            if (!SdpNumbers.TryParsePositiveInt(rest[(slash + 1)..], out var channelCount))
            {
                return false;
            }

            channels = channelCount;
            rest = rest[..slash];
        }

        if (!SdpNumbers.TryParsePositiveInt(rest, out var clockRate))
        {
            return false;
        }

        rtpMap = new SdpRtpMap(payloadType, encoding.ToString(), clockRate, channels);
        return true;
    }
}
