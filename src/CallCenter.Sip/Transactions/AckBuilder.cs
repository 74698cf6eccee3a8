using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Transactions;

/// <summary>The ACK an INVITE client transaction sends for a 3xx-6xx final response (§17.1.1.3).</summary>
public static class AckBuilder
{
    /// <summary>
    /// Same Request-URI, Call-ID, From and CSeq number as the INVITE; the To of the response (it carries the
    /// server's tag); only the INVITE's top Via, so the ACK shares its branch; the INVITE's Route set.
    /// </summary>
    public static SipRequest ForNonSuccessResponse(SipRequest invite, SipResponse response)
    {
        var headers = new List<SipHeader>(8)
        {
            new(SipHeaderNames.Via, invite.TopVia?.ToString() ?? ""),
            new(SipHeaderNames.MaxForwards, "70"),
        };
        AddRoutes(invite, headers);
        headers.Add(new SipHeader(SipHeaderNames.From, invite.Headers.First(SipHeaderNames.From) ?? ""));
        headers.Add(new SipHeader(SipHeaderNames.To, response.Headers.First(SipHeaderNames.To) ?? invite.Headers.First(SipHeaderNames.To) ?? ""));
        headers.Add(new SipHeader(SipHeaderNames.CallId, invite.CallId ?? ""));
        headers.Add(new SipHeader(SipHeaderNames.CSeq, new CSeq(invite.CSeq?.Number ?? 0, SipMethods.Ack).ToString()));
        return new SipRequest(SipMethods.Ack, invite.RequestUri, new SipHeaders(headers));
    }

    internal static void AddRoutes(SipRequest request, List<SipHeader> headers)
    {
        foreach (var route in request.Headers.Lines(SipHeaderNames.Route))
        {
            headers.Add(new SipHeader(SipHeaderNames.Route, route));
        }
    }
}
