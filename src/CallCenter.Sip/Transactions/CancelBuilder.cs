using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Transactions;

/// <summary>The CANCEL for a pending INVITE (§9.1).</summary>
public static class CancelBuilder
{
    /// <summary>
    /// Same Request-URI, Call-ID, To, From and CSeq number as the INVITE with method CANCEL, the INVITE's top Via
    /// only (same branch, so the server matches it to the INVITE), and its Route set.
    /// </summary>
    public static SipRequest ForInvite(SipRequest invite)
    {
        var headers = new List<SipHeader>(8)
        {
            new(SipHeaderNames.Via, invite.TopVia?.ToString() ?? ""),
            new(SipHeaderNames.MaxForwards, "70"),
        };
        AckBuilder.AddRoutes(invite, headers);
        headers.Add(new SipHeader(SipHeaderNames.From, invite.Headers.First(SipHeaderNames.From) ?? ""));
        headers.Add(new SipHeader(SipHeaderNames.To, invite.Headers.First(SipHeaderNames.To) ?? ""));
        headers.Add(new SipHeader(SipHeaderNames.CallId, invite.CallId ?? ""));
        headers.Add(new SipHeader(SipHeaderNames.CSeq, new CSeq(invite.CSeq?.Number ?? 0, SipMethods.Cancel).ToString()));
        return new SipRequest(SipMethods.Cancel, invite.RequestUri, new SipHeaders(headers));
    }
}
