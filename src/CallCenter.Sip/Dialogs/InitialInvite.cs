using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Dialogs;

/// <summary>Builds the out-of-dialog INVITE that starts a UAC dialog (RFC 3261 §8.1.1, §13.2.1).</summary>
public static class InitialInvite
{
    /// <summary>
    /// An INVITE from <paramref name="from"/> (given a fresh tag unless it has one) to <paramref name="to"/> (no tag),
    /// sent to <paramref name="requestUri"/> (the To URI when null; a registered Contact for a B2BUA leg), with a
    /// new Call-ID, CSeq 1, Max-Forwards 70, a fresh Via branch, our Contact and an optional SDP offer. A pre-loaded
    /// route (an outbound proxy) is routed like a dialog's route set (§8.1.2).
    /// </summary>
    public static OutgoingRequest Create(
        NameAddress from,
        NameAddress to,
        SipUri contact,
        LocalSentBy sentBy,
        string? sdp = null,
        SipUri? requestUri = null,
        ImmutableArray<NameAddress> preloadedRoute = default,
        string? callId = null)
    {
        var routing = RequestRouting.For(preloadedRoute, requestUri ?? to.Uri);
        var headers = new List<SipHeader>(10 + routing.Routes.Length)
        {
            new(SipHeaderNames.Via, sentBy.NewVia().ToString()),
            new(SipHeaderNames.MaxForwards, SipDialog.MaxForwardsValue.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var route in routing.Routes)
        {
            headers.Add(new SipHeader(SipHeaderNames.Route, route.ToString()));
        }

        headers.Add(new SipHeader(SipHeaderNames.From, (from.Tag is null ? from.WithTag(SipTokens.NewTag()) : from).ToString()));
        headers.Add(new SipHeader(SipHeaderNames.To, (to with { Parameters = to.Parameters.Without("tag") }).ToString()));
        headers.Add(new SipHeader(SipHeaderNames.CallId, callId ?? SipTokens.NewCallId(sentBy.Host)));
        headers.Add(new SipHeader(SipHeaderNames.CSeq, new CSeq(1, SipMethods.Invite).ToString()));
        headers.Add(new SipHeader(SipHeaderNames.Contact, new NameAddress(contact).ToString()));

        var request = new SipRequest(SipMethods.Invite, routing.RequestUri, new SipHeaders(headers));
        if (sdp is not null)
        {
            request = request.WithBody("application/sdp", Encoding.UTF8.GetBytes(sdp));
        }

        return new OutgoingRequest(request, routing.NextHop);
    }
}
