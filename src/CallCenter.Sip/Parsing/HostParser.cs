using System.Buffers;

namespace CallCenter.Sip.Parsing;

/// <summary>host = hostname / IPv4address / IPv6reference, and an optional port.</summary>
internal static class HostParser
{
    private static readonly SearchValues<char> HostNameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.");

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static bool IsValidHost(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host.Length > 255)
        {
            return false;
        }

        if (host[0] == '[')
        {
            return host.Length > 2 && host[^1] == ']' && IsIPv6(host[1..^1]);
        }

        return !host.ContainsAnyExcept(HostNameChars) && host[0] != '.' && host[0] != '-';
    }

    /// <summary>
    /// IPv6address of RFC 4291 §2.2 (RFC 3261 §25.1): eight groups of 1-4 hex digits, one "::" standing for one or
    /// more zero groups, an IPv4 address as the last two groups. Checked in place, without building an address.
    /// </summary>
    public static bool IsIPv6(ReadOnlySpan<char> text)
    {
        var gap = text.IndexOf("::");
        if (gap < 0)
        {
            return TryCountGroups(text, ipv4Allowed: true, out var groups) && groups == 8;
        }

        var left = text[..gap];
        var right = text[(gap + 2)..];
        return TryCountGroups(left, ipv4Allowed: false, out var leftGroups)
            && TryCountGroups(right, ipv4Allowed: true, out var rightGroups)
            && leftGroups + rightGroups <= 7;
    }

    private static bool TryCountGroups(ReadOnlySpan<char> part, bool ipv4Allowed, out int groups)
    {
        groups = 0;
        if (part.IsEmpty)
        {
            return true;
        }

        while (true)
        {
            var colon = part.IndexOf(':');
            var group = colon < 0 ? part : part[..colon];
            if (colon < 0 && ipv4Allowed && group.Contains('.'))
            {
                groups += 2;
                return IsIPv4(group);
            }

            if (group.Length is < 1 or > 4 || group.ContainsAnyExcept(HexDigits))
            {
                return false;
            }

            groups++;
            if (colon < 0)
            {
                return true;
            }

            part = part[(colon + 1)..];
        }
    }

    private static bool IsIPv4(ReadOnlySpan<char> text)
    {
        for (var octet = 0; octet < 4; octet++)
        {
            var dot = text.IndexOf('.');
            var part = octet < 3 ? (dot < 0 ? default : text[..dot]) : text;
            if (part.Length is < 1 or > 3 || (octet == 3 && dot >= 0))
            {
                return false;
            }

            var value = 0;
            foreach (var c in part)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            if (value > 255)
            {
                return false;
            }

            text = octet < 3 ? text[(dot + 1)..] : default;
        }

        return true;
    }

    /// <summary>Splits "host[:port]" (host may be an IPv6 reference) and validates both.</summary>
    public static bool TrySplitHostPort(ReadOnlySpan<char> text, out ReadOnlySpan<char> host, out int? port)
    {
        port = null;
        host = text;
        int colon;
        if (text.Length > 0 && text[0] == '[')
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = text[..(close + 1)];
            colon = close + 1 < text.Length ? close + 1 : -1;
            if (colon > 0 && text[colon] != ':')
            {
                return false;
            }
        }
        else
        {
            colon = text.IndexOf(':');
            if (colon >= 0)
            {
                host = text[..colon];
            }
        }

        if (colon >= 0)
        {
            if (!TryParsePort(text[(colon + 1)..], out var value))
            {
                return false;
            }

            port = value;
        }

        return IsValidHost(host);
    }

    public static bool TryParsePort(ReadOnlySpan<char> text, out int port)
    {
        port = 0;
        if (text.IsEmpty || text.Length > 5)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            port = port * 10 + (c - '0');
        }

        return port <= 65535;
    }
}
