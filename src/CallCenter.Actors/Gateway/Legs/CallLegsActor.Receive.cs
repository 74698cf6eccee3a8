using static CallCenter.Actors.Signalling.SignallingCommands;

namespace CallCenter.Actors.Gateway.Legs;

// Which handler each message goes to.
public sealed partial class CallLegsActor
{
    /// <summary>
    /// One switch rather than a ReceiveActor's <c>Receive&lt;T&gt;</c> table: that table is built per actor, and with
    /// one actor per call its ~9 KiB of handlers were among the largest allocations a call made in its legs.
    /// </summary>
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case SipInbound.Request r:
                OnRequest(r.Incoming);
                break;
            case SipInbound.Response r:
                OnResponse(r);
                break;
            case SipInbound.TimedOut t:
                OnTransactionFailed(t.Transaction, timedOut: true);
                break;
            case SipInbound.TransportFailed t:
                OnTransactionFailed(t.Transaction, timedOut: false);
                break;
            case SipInbound.Cancelled:
                CustomerCancelled();
                break;
            case Signalling.SignallingCommands.AnswerCustomer:
                AnswerCustomer();
                break;
            case AnswerDue:
                AnswerCustomerNow();
                break;
            case StartHoldAudio:
                HoldAudio(play: true);
                break;
            case StopHoldAudio:
                HoldAudio(play: false);
                break;
            case HangUpCustomer h:
                HangUpCustomer(h.Disposition);
                break;
            case RingAgent ring:
                RingAgent(ring);
                break;
            case CancelAgentLeg c:
                DropAgentLeg(c.Leg);
                break;
            case HangUpAgent h:
                DropAgentLeg(h.Leg);
                break;
            case BridgeLegs bridge:
                Bridge(bridge);
                break;
            case OkRetransmissions.Due due:
                OkEnded(_oks.OnTimer(due));
                break;
            case MediaTimedOut timeout:
                MediaTimeout(timeout);
                break;
            case ProbeDue due:
                Probe(due.Leg);
                break;
            case CleanupDue:
                ForceEnd();
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
