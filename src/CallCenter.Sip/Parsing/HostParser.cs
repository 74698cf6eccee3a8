using System.Net;
using System.Net.Sockets;

namespace CallCenter.Sip.Parsing;

/// <summary>host = hostname / IPv4address / IPv6reference, and an optional port.</summary>
internal static class HostParser
{
    public static bool IsValidHost(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host.Length > 255)
        {
            return false;
        }

        if (host[0] == '[')
        {
            return host[^1] == ']' && IPAddress.TryParse(host[1..^1], out var address)
                && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        foreach (var c in host)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '.')
            {
                return false;
            }
        }

        return host[0] != '.' && host[0] != '-';
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
