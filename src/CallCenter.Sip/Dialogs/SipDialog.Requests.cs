using System.Globalization;
using System.Text;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Dialogs;

public sealed partial record SipDialog
{
    /// <summary>
    /// A new request in this dialog (§12.2.1.1): the next local CSeq, From/To with the dialog's tags, the Call-ID,
    /// Request-URI and Route from the route set and remote target, Max-Forwards 70, a Via with a fresh branch, and
    /// our Contact on target refresh requests. Nothing from any other message is copied, so no header of another
    /// call leg can leak in. Sending an INVITE marks it pending (glare, §14.1); sending BYE ends the dialog at once,
    /// because the session is over as soon as the BYE is handed to its transaction (§15.1.1).
    /// </summary>
    /// <exception cref="ArgumentException">For ACK (use <see cref="CreateAck"/>) and CANCEL (built from the INVITE, §9.1).</exception>
    /// <exception cref="InvalidOperationException">When the dialog is terminated or its CSeq space is used up.</exception>
    public (SipDialog Dialog, OutgoingRequest Request) CreateRequest(
        string method, LocalSentBy sentBy, string? contentType = null, ReadOnlyMemory<byte> body = default)
    {
        if (method is SipMethods.Ack or SipMethods.Cancel)
        {
            throw new ArgumentException($"{method} reuses the CSeq of the request it refers to; it is not a new request.", nameof(method));
        }

        if (State == DialogState.Terminated)
        {
            throw new InvalidOperationException($"Dialog {Id} is terminated; it carries no new requests.");
        }

        // The peer has no CSeq of ours yet when we are the UAS, so any start is valid (§8.1.1.5); 1 is the simplest.
        var sequence = (LocalSequence ?? 0) + 1;
        if (sequence > CSeq.MaxNumber)
        {
            throw new InvalidOperationException($"Dialog {Id} has used every CSeq number below 2^31.");
        }

        var outgoing = Build(method, sequence, sentBy, contentType, body, credentialsFrom: null);
        var next = this with
        {
            LocalSequence = sequence,
            PendingOutgoingInvite = method == SipMethods.Invite ? sequence : PendingOutgoingInvite,
            State = method == SipMethods.Bye ? DialogState.Terminated : State,
        };
        return (next, outgoing);
    }

    /// <summary>A re-INVITE carrying a new SDP offer (hold, resume, codec change), a target refresh (§14.1).</summary>
    public (SipDialog Dialog, OutgoingRequest Request) CreateReInvite(LocalSentBy sentBy, string sdp) =>
        CreateRequest(SipMethods.Invite, sentBy, "application/sdp", Encoding.UTF8.GetBytes(sdp));

    public (SipDialog Dialog, OutgoingRequest Request) CreateBye(LocalSentBy sentBy) => CreateRequest(SipMethods.Bye, sentBy);

    /// <summary>An INFO, e.g. <c>application/dtmf-relay</c> with <c>Signal=5\r\nDuration=160</c>.</summary>
    public (SipDialog Dialog, OutgoingRequest Request) CreateInfo(LocalSentBy sentBy, string contentType, string body) =>
        CreateRequest(SipMethods.Info, sentBy, contentType, Encoding.UTF8.GetBytes(body));

    /// <summary>
    /// The ACK for a 2xx to <paramref name="invite"/> (§13.2.2.4): built like any request in the dialog, but with the
    /// INVITE's CSeq number and method ACK, the INVITE's credentials, and a new branch, since the ACK is a transaction
    /// of its own, end to end. The local CSeq does not move. The ACK is remembered for 2xx retransmissions; it may be
    /// built after the dialog ended, because a 2xx is acknowledged even when a BYE follows at once.
    /// </summary>
    public (SipDialog Dialog, OutgoingRequest Request) CreateAck(
        SipRequest invite, LocalSentBy sentBy, string? contentType = null, ReadOnlyMemory<byte> body = default)
    {
        if (invite.CSeq is not { Method: SipMethods.Invite } cseq)
        {
            throw new ArgumentException("The ACK acknowledges an INVITE; this request is not one.", nameof(invite));
        }

        var ack = Build(SipMethods.Ack, cseq.Number, sentBy, contentType, body, credentialsFrom: invite);
        return (this with { LastAck = new SentAck(cseq.Number, ack) }, ack);
    }

    private OutgoingRequest Build(
        string method, long sequence, LocalSentBy sentBy, string? contentType, ReadOnlyMemory<byte> body,
        SipRequest? credentialsFrom)
    {
        var routing = RequestRouting.For(RouteSet, RemoteTarget);
        var headers = new List<SipHeader>(10 + routing.Routes.Length)
        {
            new(SipHeaderNames.Via, sentBy.NewVia().ToString()),
            new(SipHeaderNames.MaxForwards, MaxForwardsValue.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var route in routing.Routes)
        {
            headers.Add(new SipHeader(SipHeaderNames.Route, route.ToString()));
        }

        headers.Add(new SipHeader(SipHeaderNames.From, LocalParty.WithTag(LocalTag).ToString()));
        var to = RemoteTag.Length > 0 ? RemoteParty.WithTag(RemoteTag) : RemoteParty;
        headers.Add(new SipHeader(SipHeaderNames.To, to.ToString()));
        headers.Add(new SipHeader(SipHeaderNames.CallId, CallId));
        headers.Add(new SipHeader(SipHeaderNames.CSeq, new CSeq(sequence, method).ToString()));
        if (IsTargetRefresh(method))
        {
            headers.Add(new SipHeader(SipHeaderNames.Contact, new NameAddress(LocalTarget).ToString()));
        }

        if (credentialsFrom is not null)
        {
            // The ACK must carry the INVITE's credentials, or a proxy that challenged the INVITE drops it (§13.2.2.4).
            foreach (var header in credentialsFrom.Headers)
            {
                if (header.Name is SipHeaderNames.Authorization or SipHeaderNames.ProxyAuthorization)
                {
                    headers.Add(header);
                }
            }
        }

        var request = new SipRequest(method, routing.RequestUri, new SipHeaders(headers));
        if (contentType is not null)
        {
            request = request.WithBody(contentType, body);
        }

        return new OutgoingRequest(request, routing.NextHop);
    }
}
