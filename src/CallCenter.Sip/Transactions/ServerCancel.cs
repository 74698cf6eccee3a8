using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Transactions;

/// <summary>The responses a UAS sends for a CANCEL: one to the CANCEL itself, and a 487 for the INVITE when due.</summary>
public sealed record CancelAnswer(SipResponse CancelResponse, SipResponse? InviteResponse);

/// <summary>How a UAS answers a CANCEL (§9.2).</summary>
public static class ServerCancel
{
    /// <summary>
    /// No matching transaction: 481. A match: 200 to the CANCEL and, when it is an INVITE still waiting for its
    /// final response, 487 to the INVITE. Both carry the same To tag (the one the TU already used in a provisional
    /// response, if any), as §9.2 asks. A CANCEL for a non-INVITE or an answered INVITE changes nothing but still gets 200.
    /// </summary>
    /// <param name="cancel">The CANCEL received.</param>
    /// <param name="target">The server transaction it matched, or null.</param>
    /// <param name="freshTag">The To tag to use when the TU has not chosen one yet; a random one when null.</param>
    public static CancelAnswer Answer(SipRequest cancel, ServerTransaction? target, string? freshTag = null)
    {
        if (target is null)
        {
            return new CancelAnswer(SipResponse.For(cancel, 481, toTag: freshTag ?? Dialogs.SipTokens.NewTag()), null);
        }

        var tag = target.ResponseToTag ?? target.RequestToTag ?? freshTag ?? Dialogs.SipTokens.NewTag();
        var cancelled = target is InviteServerTransaction { AwaitsFinalResponse: true, Request: { } invite }
            ? SipResponse.For(invite, 487, toTag: tag)
            : null;
        return new CancelAnswer(SipResponse.For(cancel, 200, toTag: tag), cancelled);
    }
}
