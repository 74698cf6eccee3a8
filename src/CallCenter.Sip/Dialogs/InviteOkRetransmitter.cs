using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Dialogs;

/// <summary>
/// Retransmits our 2xx to an INVITE until its ACK arrives (RFC 3261 §13.3.1.4). The INVITE server transaction ends
/// when it sends the 2xx, so this is the UAS core's job, over every transport, since the ACK travels end to end and
/// may cross UDP hops. A pure state machine: each input returns the actions to take, and time is the caller's.
/// </summary>
public sealed class InviteOkRetransmitter
{
    public static readonly TimeSpan DefaultT1 = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan DefaultT2 = TimeSpan.FromSeconds(4);

    private readonly TimeSpan _t1;
    private readonly TimeSpan _t2;
    private readonly TimeSpan _giveUpAfter;
    private TimeSpan _interval;
    private TimeSpan _nextSendAt;
    private Phase _phase;

    /// <param name="dialog">The dialog the 2xx belongs to; the ACK must match it.</param>
    /// <param name="ok">The 2xx as first sent; retransmissions repeat it byte for byte.</param>
    /// <param name="t1">RTT estimate, 500 ms by default.</param>
    /// <param name="t2">The cap on the interval, 4 s by default.</param>
    /// <exception cref="ArgumentException">When <paramref name="ok"/> is not a 2xx to an INVITE or the timers are not positive.</exception>
    public InviteOkRetransmitter(DialogId dialog, SipResponse ok, TimeSpan? t1 = null, TimeSpan? t2 = null)
    {
        if (!ok.IsSuccess || ok.CSeq is not { Method: SipMethods.Invite } cseq)
        {
            throw new ArgumentException("Only a 2xx to an INVITE is retransmitted until ACK.", nameof(ok));
        }

        _t1 = t1 ?? DefaultT1;
        _t2 = t2 ?? DefaultT2;
        if (_t1 <= TimeSpan.Zero || _t2 < _t1)
        {
            throw new ArgumentException("Timers need 0 < T1 <= T2.", nameof(t1));
        }

        Dialog = dialog;
        Response = ok;
        Sequence = cseq.Number;
        _giveUpAfter = 64 * _t1;
    }

    private enum Phase
    {
        Created,
        Retransmitting,
        Done,
    }

    public DialogId Dialog { get; }

    public SipResponse Response { get; }

    /// <summary>The CSeq number of the INVITE; its ACK carries the same number.</summary>
    public long Sequence { get; }

    public bool IsDone => _phase == Phase.Done;

    /// <summary>Call right after the first 2xx went out: arms the first retransmission (T1) and the give-up timer (64·T1).</summary>
    public IReadOnlyList<OkRetransmitAction> Start()
    {
        if (_phase != Phase.Created)
        {
            return [];
        }

        _phase = Phase.Retransmitting;
        _interval = _t1;
        _nextSendAt = _t1;
        return
        [
            new OkRetransmitAction.StartTimer(OkRetransmitTimer.Retransmit, _t1),
            new OkRetransmitAction.StartTimer(OkRetransmitTimer.GiveUp, _giveUpAfter),
        ];
    }

    public IReadOnlyList<OkRetransmitAction> OnTimer(OkRetransmitTimer timer)
    {
        if (_phase != Phase.Retransmitting)
        {
            return [];
        }

        if (timer == OkRetransmitTimer.GiveUp)
        {
            _phase = Phase.Done;
            return [new OkRetransmitAction.StopTimer(OkRetransmitTimer.Retransmit), new OkRetransmitAction.AckTimedOut()];
        }

        _interval = _interval * 2 < _t2 ? _interval * 2 : _t2;
        _nextSendAt += _interval;

        // A retransmission due at or after the give-up instant would be pointless and races with the give-up timer.
        return _nextSendAt < _giveUpAfter
            ? [new OkRetransmitAction.SendResponse(Response), new OkRetransmitAction.StartTimer(OkRetransmitTimer.Retransmit, _interval)]
            : [new OkRetransmitAction.SendResponse(Response)];
    }

    /// <summary>An ACK for this dialog and CSeq ends the retransmissions; any other ACK changes nothing.</summary>
    public IReadOnlyList<OkRetransmitAction> OnAck(SipRequest ack)
    {
        if (_phase == Phase.Done || !Matches(ack))
        {
            return [];
        }

        _phase = Phase.Done;
        return
        [
            new OkRetransmitAction.StopTimer(OkRetransmitTimer.Retransmit),
            new OkRetransmitAction.StopTimer(OkRetransmitTimer.GiveUp),
            new OkRetransmitAction.Acknowledged(ack),
        ];
    }

    /// <summary>True for the ACK of this 2xx: same Call-ID, our tag in To, the peer's in From, and the INVITE's CSeq number.</summary>
    public bool Matches(SipRequest ack) =>
        ack.Method == SipMethods.Ack
        && ack.CallId == Dialog.CallId
        && ack.To?.Tag == Dialog.LocalTag
        && (ack.From?.Tag ?? "") == Dialog.RemoteTag
        && ack.CSeq?.Number == Sequence;
}
