using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Dialogs;

/// <summary>The two timers of <see cref="InviteOkRetransmitter"/>; the caller keys its real timers by these.</summary>
public enum OkRetransmitTimer
{
    /// <summary>Fires when the 2xx is due again: T1, then doubling, capped at T2.</summary>
    Retransmit,

    /// <summary>Fires 64·T1 after the first 2xx: no ACK came.</summary>
    GiveUp,
}

/// <summary>What <see cref="InviteOkRetransmitter"/> asks its caller to do.</summary>
public abstract record OkRetransmitAction
{
    private OkRetransmitAction()
    {
    }

    /// <summary>Send the 2xx again, to where the first one went.</summary>
    public sealed record SendResponse(SipResponse Response) : OkRetransmitAction;

    public sealed record StartTimer(OkRetransmitTimer Timer, TimeSpan Delay) : OkRetransmitAction;

    public sealed record StopTimer(OkRetransmitTimer Timer) : OkRetransmitAction;

    /// <summary>The ACK arrived: the 2xx is delivered and the retransmitter is done.</summary>
    public sealed record Acknowledged(SipRequest Ack) : OkRetransmitAction;

    /// <summary>
    /// 64·T1 passed without an ACK: the dialog stays confirmed but the session should end with a BYE (§13.3.1.4).
    /// The retransmitter is done.
    /// </summary>
    public sealed record AckTimedOut : OkRetransmitAction;
}
