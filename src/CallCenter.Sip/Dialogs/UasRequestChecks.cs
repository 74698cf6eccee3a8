using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Dialogs;

/// <summary>
/// The UAS core's checks that come before any method's own handling (RFC 3261 §8.2.2.1, §8.2.2.3, §8.2.3): a request
/// this server cannot honour as written is refused with the status that tells the peer what to change, rather than
/// treated as if the part it did not understand were absent.
/// </summary>
public static class UasRequestChecks
{
    /// <summary>Option tags this server implements, i.e. what a Require may name. None: no SIP extension is served.</summary>
    public static readonly IReadOnlyCollection<string> SupportedExtensions = [];

    /// <summary>
    /// The refusal for <paramref name="request"/>, or null when the method's own handling may go on. A refusal carries a
    /// new To tag when the request had none (§8.2.6.2).
    /// </summary>
    public static SipResponse? Refusal(SipRequest request)
    {
        // A sips: target promises TLS end to end, which this server does not offer on any hop; tel: and other schemes
        // name nothing it can route (§8.2.2.1, RFC 5630 §3.1.3).
        if (!request.RequestUri.IsSip || !string.Equals(request.RequestUri.Scheme, "sip", StringComparison.OrdinalIgnoreCase))
        {
            return SipResponse.For(request, 416, toTag: SipTokens.NewTag());
        }

        // CANCEL and ACK cannot be refused for an extension: they only follow a request already accepted (§8.2.2.3).
        if (request.Method is not (SipMethods.Cancel or SipMethods.Ack))
        {
            var unsupported = request.Require
                .Where(tag => !SupportedExtensions.Contains(tag, StringComparer.OrdinalIgnoreCase))
                .ToArray();
            if (unsupported.Length > 0)
            {
                return SipResponse.For(request, 420, toTag: SipTokens.NewTag())
                    .WithHeaders(h => h.Add(SipHeaderNames.Unsupported, string.Join(", ", unsupported)));
            }
        }

        // A compressed or otherwise encoded body would be read as garbage SDP (§8.2.3, §20.12).
        if (!request.Body.IsEmpty
            && request.Headers.Values(SipHeaderNames.ContentEncoding).Any(e => !string.Equals(e, "identity", StringComparison.OrdinalIgnoreCase)))
        {
            return SipResponse.For(request, 415, toTag: SipTokens.NewTag()).WithHeaders(h => h.Add(SipHeaderNames.AcceptEncoding, "identity"));
        }

        return null;
    }
}
