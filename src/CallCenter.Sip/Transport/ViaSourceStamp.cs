using System.Globalization;
using System.Net;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Transport;

/// <summary>
/// Records where a request really came from in its top Via, so the response finds the way back through NAT:
/// <c>received</c> when the sent-by host is not the packet's source address (RFC 3261 §18.2.1), and <c>rport</c>
/// filled with the source port when the client asked for it, together with <c>received</c> (RFC 3581 §4).
/// </summary>
public static class ViaSourceStamp
{
    public static SipRequest Apply(SipRequest request, IPEndPoint source)
    {
        if (request.TopVia is not { } via)
        {
            return request;
        }

        var stamped = Apply(via, source);
        return ReferenceEquals(stamped, via) ? request : request.WithHeaders(ReplaceTopVia(request.Headers, stamped.ToString()));
    }

    public static Via Apply(Via via, IPEndPoint source)
    {
        var address = IpAddresses.Normalize(source.Address);
        var hostMatches = IpAddresses.TryParse(via.Host, out var sentBy) && IpAddresses.SameAddress(sentBy, address);
        var rportRequested = via.HasRPort && via.Parameters["rport"] is null;
        if (hostMatches && !rportRequested)
        {
            return via;
        }

        var stamped = via.WithParameter("received", IpAddresses.ToReceivedText(address));
        return rportRequested
            ? stamped.WithParameter("rport", source.Port.ToString(CultureInfo.InvariantCulture))
            : stamped;
    }

    /// <summary>Rewrites the first Via value in place, keeping every other line and any values sharing its line.</summary>
    private static SipHeaders ReplaceTopVia(SipHeaders headers, string topVia)
    {
        var lines = headers.ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!string.Equals(lines[i].Name, SipHeaderNames.Via, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var values = new List<string>(2);
            HeaderValueSplitter.SplitInto(lines[i].Value, values);
            if (values.Count == 0)
            {
                continue;
            }

            values[0] = topVia;
            lines[i] = lines[i] with { Value = values.Count == 1 ? topVia : string.Join(", ", values) };
            break;
        }

        return new SipHeaders(lines);
    }
}
