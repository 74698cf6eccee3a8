using System.Net;
using System.Net.Sockets;

namespace CallCenter.Sip.Transport;

/// <summary>Address text and comparison rules shared by the Via stamping and response routing.</summary>
internal static class IpAddresses
{
    /// <summary>Reads an IP literal as written in a Via or URI: IPv4, bare IPv6, or a bracketed IPv6 reference.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IPAddress address)
    {
        address = IPAddress.None;
        var bracketed = text.Length > 2 && text[0] == '[' && text[^1] == ']';
        if (bracketed)
        {
            text = text[1..^1];
        }

        // IPAddress.TryParse accepts forms the SIP grammar does not ("1", "0x7f.1"): require dots or colons.
        if (text.IsEmpty || (text.IndexOf(':') < 0 && text.Count('.') != 3))
        {
            return false;
        }

        if (!IPAddress.TryParse(text, out var parsed) || (bracketed && parsed.AddressFamily != AddressFamily.InterNetworkV6))
        {
            return false;
        }

        address = Normalize(parsed);
        return true;
    }

    /// <summary>An IPv4-mapped IPv6 address (from a dual-mode socket) is the IPv4 address it carries.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    /// <summary>Same address, ignoring an IPv6 scope id (a Via never carries one).</summary>
    public static bool SameAddress(IPAddress left, IPAddress right)
    {
        left = Normalize(left);
        right = Normalize(right);
        if (left.AddressFamily != right.AddressFamily)
        {
            return false;
        }

        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        return left.TryWriteBytes(a, out var lengthA) && right.TryWriteBytes(b, out var lengthB)
            && a[..lengthA].SequenceEqual(b[..lengthB]);
    }

    /// <summary>The address as a Via <c>received</c> value: IPv6 without brackets or scope (RFC 3261 §20.42, RFC 5118 §4.5).</summary>
    public static string ToReceivedText(IPAddress address)
    {
        address = Normalize(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0)
        {
            address = new IPAddress(address.GetAddressBytes());
        }

        return address.ToString();
    }
}
