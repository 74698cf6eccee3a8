using Akka.Actor;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;

namespace CallCenter.Actors.Gateway.Legs;

/// <summary>
/// The 2xx responses to INVITEs one call's legs have sent and repeat until their ACK (RFC 3261 §13.3.1.4: the UAS
/// core's job, not the transaction's). Runs <see cref="InviteOkRetransmitter"/> machines on the owning actor's timers;
/// a due timer comes back to the owner as a <see cref="Due"/> message, which it hands to <see cref="OnTimer"/>.
/// </summary>
/// <remarks>Owned by one actor and only called from it.</remarks>
internal sealed class OkRetransmissions(ITimerScheduler timers, IActorRef gateway, SipTimers sipTimers)
{
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    /// <summary>How a repeated 2xx ended: the ACK came, or 64·T1 passed without it.</summary>
    public enum Outcome
    {
        Acknowledged,
        TimedOut,
    }

    /// <summary>Sends <paramref name="ok"/> through its server transaction and keeps repeating it until its ACK;
    /// <paramref name="tag"/> comes back with the outcome, so the owner knows which 2xx it was.</summary>
    public void Send(TransactionKey transaction, SipDialog dialog, SipResponse ok, object tag)
    {
        var machine = new InviteOkRetransmitter(dialog.Id, ok, sipTimers.T1, sipTimers.T2);
        var id = $"{dialog.CallId}/{machine.Sequence}";
        _pending[id] = new Pending(machine, transaction, tag);

        // The timers first: whoever sees the 2xx may already count on its repetition being armed.
        Perform(id, machine.Start());
        gateway.Tell(new SipOutbound.Respond(transaction, ok));
    }

    /// <summary>A retransmission timer fired; the outcome (and its tag) when that ended the 2xx.</summary>
    public (Outcome Outcome, object Tag)? OnTimer(Due due) =>
        _pending.TryGetValue(due.Id, out var pending) ? Perform(due.Id, pending.Machine.OnTimer(due.Timer)) : null;

    /// <summary>An ACK arrived: the outcome when it acknowledged one of the repeated 2xx, else null.</summary>
    public (Outcome Outcome, object Tag)? OnAck(SipRequest ack)
    {
        var id = _pending.FirstOrDefault(p => p.Value.Machine.Matches(ack)).Key;
        return id is null ? null : Perform(id, _pending[id].Machine.OnAck(ack));
    }

    /// <summary>The dialog ended (BYE) before its 2xx was acknowledged: nothing is repeated any more.</summary>
    public void StopAll(string sipCallId)
    {
        foreach (var id in _pending.Keys.Where(k => k.StartsWith(sipCallId + "/", StringComparison.Ordinal)).ToList())
        {
            _pending.Remove(id);
            timers.Cancel(new Due(id, OkRetransmitTimer.Retransmit));
            timers.Cancel(new Due(id, OkRetransmitTimer.GiveUp));
        }
    }

    private (Outcome Outcome, object Tag)? Perform(string id, IReadOnlyList<OkRetransmitAction> actions)
    {
        var pending = _pending[id];
        (Outcome, object)? outcome = null;
        foreach (var action in actions)
        {
            switch (action)
            {
                case OkRetransmitAction.SendResponse send:
                    gateway.Tell(new SipOutbound.Respond(pending.Transaction, send.Response));
                    break;
                case OkRetransmitAction.StartTimer start:
                    var due = new Due(id, start.Timer);
                    timers.StartSingleTimer(due, due, start.Delay);
                    break;
                case OkRetransmitAction.StopTimer stop:
                    timers.Cancel(new Due(id, stop.Timer));
                    break;
                case OkRetransmitAction.Acknowledged:
                    _pending.Remove(id);
                    outcome = (Outcome.Acknowledged, pending.Tag);
                    break;
                case OkRetransmitAction.AckTimedOut:
                    _pending.Remove(id);
                    outcome = (Outcome.TimedOut, pending.Tag);
                    break;
            }
        }

        return outcome;
    }

    /// <summary>A retransmission timer of one repeated 2xx (also its timer key).</summary>
    internal sealed record Due(string Id, OkRetransmitTimer Timer) : INotInfluenceReceiveTimeout;

    private sealed record Pending(InviteOkRetransmitter Machine, TransactionKey Transaction, object Tag);
}
