using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Sdp;
using CallCenter.Sip.Transactions;

namespace CallCenter.Softphone;

/// <summary>One call's state: its dialog, its audio, the INVITE still being answered, and its timers.</summary>
/// <remarks>Touched only under the softphone's lock.</remarks>
internal sealed class PhoneCall(
    int number, SipRequest invite, TransactionKey inviteTransaction, string localTag, RtpEcho audio, SdpOrigin origin, Lock gate)
{
    public int Number { get; } = number;

    /// <summary>Who calls, for the event lines.</summary>
    public string Caller { get; } = invite.From?.Uri.ToString() ?? "(unknown)";

    public SipRequest Invite { get; } = invite;

    public TransactionKey InviteTransaction { get; } = inviteTransaction;

    public string LocalTag { get; } = localTag;

    public RtpEcho Audio { get; } = audio;

    /// <summary>Our o= line; its version goes up with every new answer (RFC 3264 §8).</summary>
    public SdpOrigin Origin { get; set; } = origin;

    /// <summary>What we last answered, sent again when a re-INVITE comes without an offer.</summary>
    public SessionDescription? LocalSdp { get; set; }

    public DialogId? DialogId { get; set; }

    /// <summary>The negotiated audio, for the event lines.</summary>
    public string Media { get; set; } = "no offer in the INVITE: ours goes in the 200 OK";

    /// <summary>The 2xx waiting for its ACK and the INVITE transaction it goes through.</summary>
    public (InviteOkRetransmitter Retransmitter, TransactionKey Transaction)? AwaitingAck { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public bool Ended { get; private set; }

    /// <summary>The ACK for the first 2xx arrived: the call is up.</summary>
    public bool Established { get; set; }

    /// <summary>Answer delay, 2xx retransmissions and the hang-up timer.</summary>
    public GatedTimers Timers { get; } = new(gate);

    public string Counts => $"rtp received={Audio.Received} sent={Audio.Sent}";

    /// <summary>Stops every timer of the call; the caller disposes the audio.</summary>
    public void End()
    {
        Ended = true;
        Timers.StopAll();
    }
}
