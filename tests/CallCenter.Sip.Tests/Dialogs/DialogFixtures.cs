using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using static CallCenter.Sip.Tests.SipText;

namespace CallCenter.Sip.Tests.Dialogs;

/// <summary>Messages of one B2BUA call: customer Alice calls the queue through two proxies; we call agent 7.</summary>
internal static class DialogFixtures
{
    public static readonly LocalSentBy Us = new("UDP", "192.0.2.10", 5060);

    public static readonly SipUri OurContact = SipUri.Parse("sip:cc@192.0.2.10:5060");

    public const string CustomerCallId = "a84b4c76e66710@pc33.example.com";
    public const string CustomerTag = "1928301774";
    public const string OurTagTowardsCustomer = "cc-tag-1";

    /// <summary>The customer's INVITE as it reaches us: proxy2 (nearest us) record-routed last, so it is on top.</summary>
    public const string CustomerInviteText = """
        INVITE sip:support@cc.example SIP/2.0
        Via: SIP/2.0/UDP proxy2.example.net:5060;branch=z9hG4bKp2aa
        Via: SIP/2.0/UDP proxy1.example.com:5060;branch=z9hG4bKp1aa
        Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776asdhds;rport
        Max-Forwards: 68
        Record-Route: <sip:proxy2.example.net;lr>
        Record-Route: <sip:proxy1.example.com;lr>
        To: <sip:support@cc.example>
        From: "Alice Caller" <sip:alice@example.com>;tag=1928301774
        Call-ID: a84b4c76e66710@pc33.example.com
        CSeq: 314159 INVITE
        Contact: <sip:alice@10.0.0.5:5060>
        User-Agent: Customer Phone 1.0
        X-Leg-Secret: customer-only
        Content-Length: 0


        """;

    public static SipRequest CustomerInvite() => ParseRequest(CustomerInviteText);

    /// <summary>A confirmed UAS dialog with the customer, after our 200 OK.</summary>
    public static SipDialog CustomerDialog(SipRequest? invite = null)
    {
        invite ??= CustomerInvite();
        var ok = DialogResponses.ForInvite(invite, 200, OurTagTowardsCustomer, OurContact);
        Assert.True(SipDialog.TryCreateAsUas(invite, ok, out var dialog, out var error), error.ToString());
        return dialog;
    }

    /// <summary>A request the customer sends inside the dialog, through the two proxies.</summary>
    public static SipRequest FromCustomer(string method, long cseq, string? contact = null, string? extra = null)
    {
        var contactLine = contact is null ? "" : $"Contact: <{contact}>\n";
        return ParseRequest($"""
            {method} sip:cc@192.0.2.10:5060 SIP/2.0
            Via: SIP/2.0/UDP proxy2.example.net:5060;branch=z9hG4bKp2{cseq}
            Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bKc{cseq};rport
            Max-Forwards: 69
            Route: <sip:proxy2.example.net;lr>
            From: "Alice Caller" <sip:alice@example.com>;tag={CustomerTag}
            To: <sip:support@cc.example>;tag={OurTagTowardsCustomer}
            Call-ID: {CustomerCallId}
            CSeq: {cseq} {method}
            {contactLine}{extra}Content-Length: 0


            """);
    }

    public static OutgoingRequest AgentInvite(string? sdp = "v=0\r\n") => InitialInvite.Create(
        new NameAddress("Call Center", SipUri.Parse("sip:support@cc.example"), SipParameters.Empty),
        new NameAddress(SipUri.Parse("sip:agent7@cc.example")),
        OurContact,
        Us,
        sdp,
        requestUri: SipUri.Parse("sip:agent7@10.1.1.7:5062"));

    /// <summary>
    /// The agent's answer to our INVITE: the request as it reached the agent (with the proxies' Record-Route lines
    /// added on the way) answered by the UAS rules of §12.1.1.
    /// </summary>
    public static SipResponse AgentAnswer(
        SipRequest invite, int status, string agentTag = "agent-tag", string contact = "sip:agent7@10.1.1.7:5062",
        params string[] recordRoutes)
    {
        var atAgent = invite.WithHeaders(headers =>
        {
            foreach (var recordRoute in recordRoutes)
            {
                headers = headers.Add(SipHeaderNames.RecordRoute, recordRoute);
            }

            return headers;
        });
        return DialogResponses.ForInvite(atAgent, status, agentTag, SipUri.Parse(contact));
    }

    /// <summary>A confirmed UAC dialog with the agent, after its 200 OK (no proxies).</summary>
    public static (SipDialog Dialog, SipRequest Invite) AgentDialog(params string[] recordRoutes)
    {
        var invite = AgentInvite().Request;
        var ok = AgentAnswer(invite, 200, recordRoutes: recordRoutes);
        Assert.True(SipDialog.TryCreateAsUac(invite, ok, out var dialog, out var error), error.ToString());
        return (dialog, invite);
    }

    public static IReadOnlyList<string> RouteValues(SipRequest request) => request.Headers.Values(SipHeaderNames.Route);
}
