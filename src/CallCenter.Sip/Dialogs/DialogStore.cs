using System.Diagnostics.CodeAnalysis;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Dialogs;

/// <summary>
/// The dialogs of one owner (a call actor, a user agent) keyed by <see cref="DialogId"/>, with the §12.2.2 lookup
/// of incoming requests. Not thread-safe: its owner processes one message at a time. Terminated dialogs stay until
/// <see cref="Remove"/>, so late requests for them get 481 and late 2xx retransmissions still get their ACK.
/// </summary>
public sealed class DialogStore
{
    private readonly Dictionary<DialogId, SipDialog> _dialogs = [];
    private readonly Random _random;

    /// <param name="random">Source for Retry-After values; <see cref="Random.Shared"/> when null.</param>
    public DialogStore(Random? random = null) => _random = random ?? Random.Shared;

    public int Count => _dialogs.Count;

    public IEnumerable<SipDialog> Dialogs => _dialogs.Values;

    /// <summary>Adds a dialog or replaces the stored one with the same id (the next value after an event).</summary>
    public void Put(SipDialog dialog) => _dialogs[dialog.Id] = dialog;

    public bool TryGet(DialogId id, [NotNullWhen(true)] out SipDialog? dialog) => _dialogs.TryGetValue(id, out dialog);

    public bool Remove(DialogId id) => _dialogs.Remove(id);

    /// <summary>
    /// The id of the dialog a request from the peer belongs to: Call-ID, the To tag (ours), the From tag (theirs,
    /// empty for an RFC 2543 peer). False when the request has no To tag, i.e. it is outside any dialog.
    /// </summary>
    public static bool TryGetIncomingId(SipRequest request, out DialogId id)
    {
        id = default;
        if (request.CallId is not { } callId || request.To?.Tag is not { } localTag)
        {
            return false;
        }

        id = new DialogId(callId, localTag, request.From?.Tag ?? "");
        return true;
    }

    /// <summary>The id of the dialog a response to our request belongs to: Call-ID, From tag (ours), To tag (theirs).</summary>
    public static bool TryGetResponseId(SipResponse response, out DialogId id)
    {
        id = default;
        if (response.CallId is not { } callId || response.From?.Tag is not { } localTag || response.To?.Tag is not { } remoteTag)
        {
            return false;
        }

        id = new DialogId(callId, localTag, remoteTag);
        return true;
    }

    /// <summary>
    /// Routes a request to its dialog and applies <see cref="SipDialog.Receive"/>, storing the result. A request
    /// with a To tag for no dialog we hold gets 481 (§12.2.2), except an ACK, which is never answered.
    /// </summary>
    public InDialogOutcome Receive(SipRequest request)
    {
        if (request.To is null || request.To.Tag is null)
        {
            return InDialogOutcome.NotInDialog;
        }

        if (!TryGetIncomingId(request, out var id) || !_dialogs.TryGetValue(id, out var dialog))
        {
            return request.Method == SipMethods.Ack
                ? InDialogOutcome.Dropped
                : InDialogOutcome.Rejected(null, SipResponse.For(request, 481));
        }

        var outcome = dialog.Receive(request, _random);
        if (outcome.Dialog is { } next)
        {
            _dialogs[id] = next;
        }

        return outcome;
    }

    /// <summary>
    /// Applies a response to one of our requests to its dialog and stores the result. False when no stored dialog
    /// matches; for a 1xx/2xx with a new To tag (a fork) the caller creates one with <see cref="SipDialog.TryCreateAsUac"/>.
    /// </summary>
    public bool TryReceiveResponse(
        SipResponse response, [NotNullWhen(true)] out SipDialog? dialog, out OutgoingRequest? ackToResend)
    {
        ackToResend = null;
        if (!TryGetResponseId(response, out var id) || !_dialogs.TryGetValue(id, out var current))
        {
            dialog = null;
            return false;
        }

        (dialog, ackToResend) = current.ReceiveResponse(response);
        _dialogs[id] = dialog;
        return true;
    }
}
