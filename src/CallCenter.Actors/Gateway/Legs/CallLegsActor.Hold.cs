using Akka.Event;
using CallCenter.Media.Relay;
using CallCenter.Sip.Sdp;

namespace CallCenter.Actors.Gateway.Legs;

// Hold across the B2BUA. An agent who holds (sendonly, inactive, c=0.0.0.0) stops listening and usually stops
// talking: the caller then hears the center's hold audio instead of dead air, until the agent resumes. A caller who
// holds needs nothing: whatever its phone sends (its own music, or nothing) is what the agent should hear.
public sealed partial class CallLegsActor
{
    private void RelayHold(SipLeg leg, NegotiatedAudio audio)
    {
        if (leg is not AgentLeg agent || _relay is null || !_relay.IsBridged || _finished)
        {
            return;
        }

        var held = audio.IsOnHold || audio.IsLegacyHold;
        if (held == _relay.IsPlaying(MediaLegId.Customer))
        {
            return;
        }

        if (!held)
        {
            _relay.StopPlayback(MediaLegId.Customer);
            _log.Info("Call {CallId}: agent {AgentId} resumed the call", _callId, agent.AgentId);
            return;
        }

        try
        {
            _relay.StartPlayback(MediaLegId.Customer, _settings.HoldAudio());
            _log.Info("Call {CallId}: agent {AgentId} holds the call; the caller hears hold audio", _callId, agent.AgentId);
        }
        catch (InvalidOperationException e)
        {
            _log.Warning("Call {CallId}: no hold audio for the held caller: {Reason}", _callId, e.Message);
        }
    }
}
