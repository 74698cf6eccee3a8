using Akka.Actor;
using Akka.Event;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Actors.Gateway.Legs;

// Dead-peer detection for answered legs. A phone that loses power or network sends no BYE, and nothing else would end
// its call (the media timeout is off by default): the call and its agent would stay busy forever. Every probe interval
// each confirmed dialog gets an OPTIONS (RFC 3261 §11 allows it inside a dialog, as Kamailio's dialog keep-alive
// does). No final response in time (transaction timeout), 408 or 481 (the peer no longer knows the dialog) means the
// peer is gone; any other final response, even 405 or 501, proves it is alive. OPTIONS rather than RFC 4028 session
// timers: it needs nothing from the peer (no Supported: timer, no re-INVITE or UPDATE, no SDP), so it works with every
// phone and SIPp as they are, and it never changes the session.
public sealed partial class CallLegsActor
{
    /// <summary>The leg's dialog is confirmed and acknowledged: probe it every interval from now on.</summary>
    private void StartProbing(SipLeg leg)
    {
        if (_settings.ProbeInterval > TimeSpan.Zero)
        {
            Timers.StartPeriodicTimer(leg.ProbeTimer, new ProbeDue(leg), _settings.ProbeInterval);
        }
    }

    private void StopProbing(SipLeg leg)
    {
        Timers.Cancel(leg.ProbeTimer);
        leg.ProbeKey = null;
    }

    private void Probe(SipLeg leg)
    {
        if (leg.Phase != LegPhase.Up || _finished || leg.Dialog is not { State: DialogState.Confirmed } dialog)
        {
            StopProbing(leg);
            return;
        }

        if (leg.ProbeKey is not null)
        {
            // The last probe is still running (its transaction times out on its own): one at a time.
            return;
        }

        var destination = SipHops.NextHop(RequestRouting.For(dialog.RouteSet, dialog.RemoteTarget).NextHop, leg.Source, leg.BehindNat);
        var (next, options) = dialog.CreateRequest(SipMethods.Options, _settings.SentBy(destination.Protocol));
        if (!TransactionKeys.TryForClient(options.Request, out var key))
        {
            return;
        }

        leg.Dialog = next;
        leg.ProbeKey = key;
        Gateway.Tell(new SipOutbound.SendRequest(options.Request, destination));
    }

    /// <summary>True when <paramref name="transaction"/> was a probe of one of the legs (the response is then handled).</summary>
    private bool ProbeAnswered(TransactionKey transaction, SipResponse response)
    {
        if (ProbedLeg(transaction) is not { } leg)
        {
            return false;
        }

        if (response.IsFinal)
        {
            leg.ProbeKey = null;
            if (response.StatusCode is 408 or 481)
            {
                PeerGone(leg, $"it answered our OPTIONS with {response.StatusCode}");
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="transaction"/> was a probe: no answer at all means the peer is gone.</summary>
    private bool ProbeFailed(TransactionKey transaction, bool timedOut)
    {
        if (ProbedLeg(transaction) is not { } leg)
        {
            return false;
        }

        leg.ProbeKey = null;
        PeerGone(leg, timedOut ? "our OPTIONS got no answer" : "our OPTIONS could not be delivered");
        return true;
    }

    private SipLeg? ProbedLeg(TransactionKey transaction)
    {
        if (_customer.ProbeKey == transaction)
        {
            return _customer;
        }

        foreach (var leg in _agentLegs.Values)
        {
            if (leg.ProbeKey == transaction)
            {
                return leg;
            }
        }

        return null;
    }

    /// <summary>
    /// The peer of an answered leg vanished: the call ends as if it had hung up (the CallActor then hangs up the other
    /// leg, records the call and releases the agent), and the dead leg still gets a BYE, should it come back.
    /// </summary>
    private void PeerGone(SipLeg leg, string reason)
    {
        StopProbing(leg);
        if (leg.Phase != LegPhase.Up)
        {
            return;
        }

        var report = !leg.HangupOrdered && !_finished;
        _oks.StopAll(leg.SipCallId);
        if (leg is AgentLeg agent)
        {
            _log.Warning("Call {CallId}: agent {AgentId}'s phone is gone (leg {Leg}): {Reason}; ending the call", _callId, agent.AgentId, agent.Number, reason);
            _relay?.Unbridge();
            SendBye(agent);
            if (report)
            {
                _calls.Tell(new AgentHungUp(_callId, agent.AgentId, agent.Number), ActorRefs.NoSender);
            }

            return;
        }

        _log.Warning("Call {CallId}: the customer's phone is gone: {Reason}; ending the call", _callId, reason);
        SendBye(leg);
        if (report)
        {
            _calls.Tell(new CustomerHungUp(_callId), ActorRefs.NoSender);
        }
    }

    /// <summary>A leg's probe interval passed.</summary>
    private sealed record ProbeDue(SipLeg Leg);
}
