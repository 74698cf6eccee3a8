using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Dialogs;

/// <summary>Builds the responses that create a dialog, before a <see cref="SipDialog"/> exists.</summary>
public static class DialogResponses
{
    /// <summary>
    /// A response to a dialog-creating INVITE (§12.1.1): the headers of §8.2.6, our To tag, and, on 101-299,
    /// every Record-Route line in order and our Contact, so the caller's requests reach us along the same proxies.
    /// Every 1xx and 2xx for one INVITE must carry the same tag.
    /// </summary>
    public static SipResponse ForInvite(
        SipRequest invite, int statusCode, string localTag, SipUri contact, string? reasonPhrase = null)
    {
        var response = SipResponse.For(invite, statusCode, reasonPhrase, localTag);
        if (statusCode is <= 100 or >= 300)
        {
            return response;
        }

        return response.WithHeaders(headers =>
        {
            foreach (var recordRoute in invite.Headers.Lines(SipHeaderNames.RecordRoute))
            {
                headers = headers.Add(SipHeaderNames.RecordRoute, recordRoute);
            }

            return headers.Add(SipHeaderNames.Contact, new NameAddress(contact).ToString());
        });
    }
}
