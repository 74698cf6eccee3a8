namespace CallCenter.Sip.Sdp;

/// <summary>An a=fmtp value: the format it applies to and its parameters, verbatim (RFC 4566 §6).</summary>
public sealed record SdpFmtp(string Format, string Parameters)
{
    public SdpAttribute ToAttribute() =>
        new(SdpAttributeNames.Fmtp, Parameters.Length == 0 ? Format : Format + " " + Parameters);

    public static bool TryParse(ReadOnlySpan<char> value, out SdpFmtp fmtp)
    {
        value = value.Trim();
        if (value.IsEmpty)
        {
            fmtp = null!;
            return false;
        }

        var space = value.IndexOfAny(' ', '\t');
        fmtp = space < 0
            ? new SdpFmtp(value.ToString(), string.Empty)
            : new SdpFmtp(value[..space].ToString(), value[(space + 1)..].Trim().ToString());
        return true;
    }
}
