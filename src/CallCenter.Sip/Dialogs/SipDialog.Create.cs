using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Dialogs;

public sealed partial record SipDialog
{
    /// <summary>
    /// The dialog a UAS creates by answering <paramref name="invite"/> with <paramref name="response"/>, a 101-299
    /// carrying our To tag and Contact (build it with <see cref="DialogResponses.ForInvite"/>), per §12.1.1:
    /// route set = Record-Route in order, remote target = the INVITE's Contact, remote CSeq = the INVITE's,
    /// local CSeq empty. A 1xx makes an early dialog whose INVITE stays pending until the final response.
    /// </summary>
    public static bool TryCreateAsUas(
        SipRequest invite, SipResponse response, [NotNullWhen(true)] out SipDialog? dialog, out DialogError error)
    {
        dialog = null;
        error = CheckDialogCreating(invite, response);
        if (error != DialogError.None)
        {
            return false;
        }

        var cseq = invite.CSeq!.Value;
        if (invite.To is null || invite.From is null)
        {
            error = DialogError.MissingFromOrTo;
            return false;
        }

        if (response.To?.Tag is not { } localTag)
        {
            error = DialogError.MissingToTag;
            return false;
        }

        if (!TryFirstSipContact(invite, out var remoteTarget) || !TryFirstSipContact(response, out var localTarget))
        {
            error = DialogError.MissingContact;
            return false;
        }

        // An RFC 2543 peer may send no From tag; its remote tag is then empty (§12.1.1).
        var id = new DialogId(invite.CallId!, localTag, invite.From.Tag ?? "");
        var early = response.IsProvisional;
        dialog = new SipDialog(
            id, DialogRole.Uas, early ? DialogState.Early : DialogState.Confirmed, WithoutTag(invite.To),
            WithoutTag(invite.From), localTarget, remoteTarget)
        {
            RemoteSequence = cseq.Number,
            RouteSet = [.. invite.RecordRoutes],
            IsSecure = invite.RequestUri.IsSecure,
            PendingIncomingInvite = early ? cseq.Number : null,
        };
        return true;
    }

    /// <summary>
    /// The dialog a UAC gets from a 101-299 response with a To tag to its <paramref name="invite"/> (§12.1.2):
    /// route set = Record-Route reversed, remote target = the response's Contact, local CSeq = the INVITE's,
    /// remote CSeq empty. Each forked response with another To tag makes another dialog.
    /// </summary>
    public static bool TryCreateAsUac(
        SipRequest invite, SipResponse response, [NotNullWhen(true)] out SipDialog? dialog, out DialogError error)
    {
        dialog = null;
        error = CheckDialogCreating(invite, response);
        if (error != DialogError.None)
        {
            return false;
        }

        var cseq = invite.CSeq!.Value;
        if (invite.To is null || invite.From is null)
        {
            error = DialogError.MissingFromOrTo;
            return false;
        }

        if (invite.From.Tag is not { } localTag)
        {
            error = DialogError.MissingFromTag;
            return false;
        }

        if (response.To?.Tag is not { } remoteTag)
        {
            error = DialogError.MissingToTag;
            return false;
        }

        if (response.From?.Tag != localTag)
        {
            error = DialogError.ResponseDoesNotMatchRequest;
            return false;
        }

        if (!TryFirstSipContact(response, out var remoteTarget) || !TryFirstSipContact(invite, out var localTarget))
        {
            error = DialogError.MissingContact;
            return false;
        }

        var early = response.IsProvisional;
        dialog = new SipDialog(
            new DialogId(invite.CallId!, localTag, remoteTag), DialogRole.Uac, early ? DialogState.Early : DialogState.Confirmed,
            WithoutTag(invite.From), WithoutTag(invite.To), localTarget, remoteTarget)
        {
            LocalSequence = cseq.Number,
            RouteSet = ReversedRecordRoute(response),
            IsSecure = invite.RequestUri.IsSecure,
            PendingOutgoingInvite = early ? cseq.Number : null,
        };
        return true;
    }

    private static DialogError CheckDialogCreating(SipRequest invite, SipResponse response)
    {
        if (invite.Method != SipMethods.Invite)
        {
            return DialogError.NotAnInvite;
        }

        if (response.StatusCode is <= 100 or >= 300)
        {
            return DialogError.NotDialogCreatingStatus;
        }

        if (invite.CallId is null)
        {
            return DialogError.MissingCallId;
        }

        if (invite.CSeq is not { } cseq)
        {
            return DialogError.MissingCSeq;
        }

        return response.CallId == invite.CallId && response.CSeq == cseq
            ? DialogError.None
            : DialogError.ResponseDoesNotMatchRequest;
    }

    /// <summary>The UAC sees Record-Route in the order the proxies were crossed towards the UAS, so it reverses them.</summary>
    private static ImmutableArray<NameAddress> ReversedRecordRoute(SipResponse response)
    {
        var routes = response.RecordRoutes;
        var builder = ImmutableArray.CreateBuilder<NameAddress>(routes.Count);
        for (var i = routes.Count - 1; i >= 0; i--)
        {
            builder.Add(routes[i]);
        }

        return builder.MoveToImmutable();
    }

    /// <summary>A remote target must be a SIP or SIPS URI (§8.1.1.8); a tel: or parse failure is not one.</summary>
    private static bool TryFirstSipContact(SipMessage message, [NotNullWhen(true)] out SipUri? uri)
    {
        uri = message.Contacts.Count > 0 && message.Contacts[0].Uri.IsSip ? message.Contacts[0].Uri : null;
        return uri is not null;
    }
}
