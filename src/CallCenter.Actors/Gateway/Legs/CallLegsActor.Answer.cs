using Akka.Actor;
using Akka.Event;
using CallCenter.Sip.Dialogs;

namespace CallCenter.Actors.Gateway.Legs;

// When the customer is answered: at once, or after the queue's answer delay with ringback (180) meanwhile.
public sealed partial class CallLegsActor
{
    private const string AnswerTimer = "answer";

    /// <summary>The CallActor accepted the call. With an answer delay the caller rings first: the call queues meanwhile,
    /// and the 200 goes out when the delay is over or an agent is bridged, whichever comes first.</summary>
    private void AnswerCustomer()
    {
        if (_customer.Phase != LegPhase.Inviting || _customer.Ok is not { } ok || _customer.RingbackSent)
        {
            return;
        }

        var delay = _settings.AnswerDelayFor(_queueId);
        if (delay <= TimeSpan.Zero)
        {
            AnswerCustomerNow();
            return;
        }

        // The 180 carries the 200's tag and Contact: the early dialog the 200 confirms, and the tag a 487 will reuse.
        var ringing = DialogResponses.ForInvite(_customer.Invite.Request, 180, ok.To!.Tag!, _settings.Contact(_customer.Source.Protocol));
        _customer.RingbackSent = true;
        Gateway.Tell(new SipOutbound.Respond(_customer.Transaction, ringing));
        Timers.StartSingleTimer(AnswerTimer, AnswerDue.Instance, delay);
        _log.Info("Call {CallId}: customer rings for {Delay} before the answer", _callId, delay);
    }

    private void AnswerCustomerNow()
    {
        Timers.Cancel(AnswerTimer);
        if (_customer.Phase != LegPhase.Inviting || _customer.Ok is not { } ok || _customer.Dialog is not { } dialog)
        {
            return;
        }

        _customer.Phase = LegPhase.Answered;
        _oks.Send(_customer.Transaction, dialog, ok, _customer);
    }

    private sealed record AnswerDue
    {
        public static AnswerDue Instance { get; } = new();
    }
}
