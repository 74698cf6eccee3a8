using System.Globalization;

namespace CallCenter.Sip.Sdp;

/// <summary>An a=rtcp value (RFC 3605): RTCP port, and an address when it is not the RTP one.</summary>
public sealed record SdpRtcp(int Port, SdpConnection? Connection = null)
{
    public SdpAttribute ToAttribute()
    {
        var port = Port.ToString(CultureInfo.InvariantCulture);
        return new SdpAttribute(
            SdpAttributeNames.Rtcp,
            Connection is null ? port : $"{port} {Connection.NetworkType} {Connection.AddressType} {Connection.Address}");
    }

    public static bool TryParse(ReadOnlySpan<char> value, out SdpRtcp rtcp)
    {
        rtcp = null!;
        Span<Range> parts = stackalloc Range[5];
        var count = SdpTokens.Split(value, parts);
        if ((count != 1 && count != 4) || !SdpNumbers.TryParsePort(value[parts[0]], out var port))
        {
            return false;
        }

        rtcp = count == 1
            ? new SdpRtcp(port)
            : new SdpRtcp(
                port,
                new SdpConnection(value[parts[1]].ToString(), value[parts[2]].ToString(), value[parts[3]].ToString()));
        return true;
    }
}
