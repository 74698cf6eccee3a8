using System.Globalization;

namespace CallCenter.Sip.Sdp;

/// <summary>Typed reads over an attribute list, shared by the session and media levels.</summary>
public static class SdpAttributeListExtensions
{
    /// <summary>The first attribute with this name; names compare case-insensitively to tolerate odd peers.</summary>
    public static SdpAttribute? Find(this ValueList<SdpAttribute> attributes, string name)
    {
        foreach (var attribute in attributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute;
            }
        }

        return null;
    }

    public static IEnumerable<SdpAttribute> FindAll(this ValueList<SdpAttribute> attributes, string name) =>
        attributes.Where(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The direction attribute if one is present; the first wins if a peer sends several.</summary>
    public static SdpDirection? Direction(this ValueList<SdpAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Value is null && SdpDirectionExtensions.TryParse(attribute.Name, out var direction))
            {
                return direction;
            }
        }

        return null;
    }

    /// <summary>Every well-formed a=rtpmap; malformed ones are skipped, as unknown attributes are.</summary>
    public static IEnumerable<SdpRtpMap> RtpMaps(this ValueList<SdpAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (string.Equals(attribute.Name, SdpAttributeNames.RtpMap, StringComparison.OrdinalIgnoreCase)
                && attribute.Value is { } value && SdpRtpMap.TryParse(value, out var rtpMap))
            {
                yield return rtpMap;
            }
        }
    }

    /// <summary>The first well-formed a=rtpmap for this payload type; the others are not parsed (no allocation for them).</summary>
    public static SdpRtpMap? RtpMap(this ValueList<SdpAttribute> attributes, int payloadType)
    {
        foreach (var attribute in attributes)
        {
            if (string.Equals(attribute.Name, SdpAttributeNames.RtpMap, StringComparison.OrdinalIgnoreCase)
                && attribute.Value is { } value && HasPayloadType(value, payloadType) && SdpRtpMap.TryParse(value, out var rtpMap))
            {
                return rtpMap;
            }
        }

        return null;
    }

    /// <summary>The leading payload type as <see cref="SdpRtpMap.TryParse"/> reads it; false when it is another or unreadable.</summary>
    private static bool HasPayloadType(string value, int payloadType)
    {
        var text = value.AsSpan().Trim();
        var space = text.IndexOfAny(' ', '\t');
        return space > 0 && SdpNumbers.TryParsePayloadType(text[..space], out var found) && found == payloadType;
    }

    public static SdpFmtp? Fmtp(this ValueList<SdpAttribute> attributes, string format)
    {
        foreach (var attribute in attributes.FindAll(SdpAttributeNames.Fmtp))
        {
            if (attribute.Value is { } value && SdpFmtp.TryParse(value, out var fmtp) && fmtp.Format == format)
            {
                return fmtp;
            }
        }

        return null;
    }

    /// <summary>A positive whole-number attribute such as ptime; RFC 4566 allows a fraction, which is rounded.</summary>
    public static int? PositiveInteger(this ValueList<SdpAttribute> attributes, string name)
    {
        if (attributes.Find(name)?.Value is not { } value)
        {
            return null;
        }

        return decimal.TryParse(value.AsSpan().Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
               && number >= 1 && number <= int.MaxValue
            ? (int)Math.Round(number, MidpointRounding.AwayFromZero)
            : null;
    }

    public static SdpRtcp? Rtcp(this ValueList<SdpAttribute> attributes) =>
        attributes.Find(SdpAttributeNames.Rtcp)?.Value is { } value && SdpRtcp.TryParse(value, out var rtcp) ? rtcp : null;
}
