using CallCenter.Actors.Agents;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Queues;
using CallCenter.Actors.Signalling;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;

namespace CallCenter.Actors.Serialization;

/// <summary>
/// The manifest of every type <see cref="CallCenterSerializer"/> writes. Journal rows store these strings, so a released
/// manifest never changes and is never reused. A new persisted or remoted type is one more <c>.Add</c> line here; the
/// serializer spec fails for any <see cref="ICallCenterMessage"/> missing from this table.
/// </summary>
public static class CallCenterManifests
{
    public static ManifestTable Table { get; } = new ManifestTable()
        // call events
        .Add<CallEvents.CallArrived>("call.arrived")
        .Add<CallEvents.CallQueued>("call.queued")
        .Add<CallEvents.CallOffered>("call.offered")
        .Add<CallEvents.CallConnected>("call.connected")
        .Add<CallEvents.CallOfferFailed>("call.offer-failed")
        .Add<CallEvents.CallEnded>("call.ended")
        // agent events
        .Add<AgentEvents.AgentConfigured>("agent.configured")
        .Add<AgentEvents.AgentQueuesAssigned>("agent.queues-assigned")
        .Add<AgentEvents.AgentRegistered>("agent.registered")
        .Add<AgentEvents.AgentRegistrationRefreshed>("agent.registration-refreshed")
        .Add<AgentEvents.AgentWentOffline>("agent.went-offline")
        .Add<AgentEvents.AgentPaused>("agent.paused")
        .Add<AgentEvents.AgentUnpaused>("agent.unpaused")
        .Add<AgentEvents.AgentReserved>("agent.reserved")
        .Add<AgentEvents.AgentCallConnected>("agent.call-connected")
        .Add<AgentEvents.AgentReservationReleased>("agent.reservation-released")
        .Add<AgentEvents.AgentCallEnded>("agent.call-ended")
        .Add<AgentEvents.AgentWrapUpEnded>("agent.wrap-up-ended")
        // queue events
        .Add<QueueEvents.QueueConfigured>("queue.configured")
        .Add<QueueEvents.StaffingChanged>("queue.staffing-changed")
        .Add<QueueEvents.CallJoined>("queue.call-joined")
        .Add<QueueEvents.OfferStarted>("queue.offer-started")
        .Add<QueueEvents.CallRequeued>("queue.call-requeued")
        .Add<QueueEvents.CallAnswered>("queue.call-answered")
        .Add<QueueEvents.CallDiverted>("queue.call-diverted")
        .Add<QueueEvents.CallRemoved>("queue.call-removed")
        // the node's open-call index (calls-{node})
        .Add<CallIndexEvents.CallOpened>("calls.opened")
        .Add<CallIndexEvents.CallClosed>("calls.closed")
        .Add<CallIndexEvents.CallsIndexed>("calls.indexed")
        // snapshots
        .Add<CallIndexEvents.OpenCalls>("snapshot.calls")
        .Add<CallState>("snapshot.call")
        .Add<AgentState>("snapshot.agent")
        .Add<QueueState>("snapshot.queue")
        // commands and replies: they cross nodes once agents and queues are sharded
        .Add<CallChecks.ConfirmAgentHold>("call.check.agent-hold")
        .Add<CallChecks.ConfirmQueuePlace>("call.check.queue-place")
        .Add<CallCommands.Receive>("call.cmd.receive")
        .Add<CallCommands.Enqueue>("call.cmd.enqueue")
        .Add<CallCommands.Offer>("call.cmd.offer")
        .Add<CallCommands.Connect>("call.cmd.connect")
        .Add<CallCommands.FailOffer>("call.cmd.fail-offer")
        .Add<CallCommands.Hangup>("call.cmd.hangup")
        .Add<CallCommands.End>("call.cmd.end")
        .Add<AgentCommands.Configure>("agent.cmd.configure")
        .Add<AgentCommands.ServeQueues>("agent.cmd.serve-queues")
        .Add<AgentCommands.Register>("agent.cmd.register")
        .Add<AgentCommands.Unregister>("agent.cmd.unregister")
        .Add<AgentCommands.ExpireRegistration>("agent.cmd.expire-registration")
        .Add<AgentCommands.Pause>("agent.cmd.pause")
        .Add<AgentCommands.Unpause>("agent.cmd.unpause")
        .Add<AgentCommands.OfferCall>("agent.cmd.offer-call")
        .Add<AgentCommands.ConnectCall>("agent.cmd.connect-call")
        .Add<AgentCommands.ReleaseReservation>("agent.cmd.release-reservation")
        .Add<AgentCommands.EndCall>("agent.cmd.end-call")
        .Add<AgentCommands.EndWrapUp>("agent.cmd.end-wrap-up")
        .Add<QueueCommands.Configure>("queue.cmd.configure")
        .Add<QueueCommands.UpdateStaffing>("queue.cmd.update-staffing")
        .Add<QueueCommands.Enqueue>("queue.cmd.enqueue")
        .Add<QueueCommands.Tick>("queue.cmd.tick")
        .Add<QueueCommands.StartOffer>("queue.cmd.start-offer")
        .Add<QueueCommands.Requeue>("queue.cmd.requeue")
        .Add<QueueCommands.MarkAnswered>("queue.cmd.mark-answered")
        .Add<QueueCommands.Remove>("queue.cmd.remove")
        .Add<CommandResult>("result")
        // actor protocols: queries, notifications and offer replies between agents, queues, routers and calls
        .Add<AgentQueries.GetAgentState>("agent.qry.state")
        .Add<AgentQueries.AgentStateResult>("agent.qry.state-result")
        .Add<AgentNotifications.AgentAnnounced>("agent.ntf.announced")
        .Add<AgentNotifications.AgentWithdrawn>("agent.ntf.withdrawn")
        .Add<AgentNotifications.OfferRevoked>("agent.ntf.offer-revoked")
        .Add<OfferReplies.OfferAccepted>("agent.rpl.offer-accepted")
        .Add<OfferReplies.OfferDeclined>("agent.rpl.offer-declined")
        .Add<QueueQueries.GetQueueState>("queue.qry.state")
        .Add<QueueQueries.QueueStateResult>("queue.qry.state-result")
        .Add<QueueNotifications.JoinedQueue>("queue.ntf.joined")
        .Add<QueueNotifications.DivertedByQueue>("queue.ntf.diverted")
        .Add<QueueNotifications.AgentAssigned>("queue.ntf.agent-assigned")
        .Add<CallQueries.GetCallState>("call.qry.state")
        .Add<CallQueries.CallStateResult>("call.qry.state-result")
        .Add<CallQueries.GetOpenCalls>("calls.qry.open")
        .Add<CallQueries.OpenCallsResult>("calls.qry.open-result")
        // the signalling port (the SIP gateway may run apart from the calls once media moves out of process)
        .Add<SignallingCommands.AnswerCustomer>("sig.cmd.answer-customer")
        .Add<SignallingCommands.StartHoldAudio>("sig.cmd.start-hold-audio")
        .Add<SignallingCommands.StopHoldAudio>("sig.cmd.stop-hold-audio")
        .Add<SignallingCommands.RingAgent>("sig.cmd.ring-agent")
        .Add<SignallingCommands.CancelAgentLeg>("sig.cmd.cancel-agent-leg")
        .Add<SignallingCommands.BridgeLegs>("sig.cmd.bridge-legs")
        .Add<SignallingCommands.HangUpCustomer>("sig.cmd.hang-up-customer")
        .Add<SignallingCommands.HangUpAgent>("sig.cmd.hang-up-agent")
        .Add<SignallingEvents.CustomerAnswered>("sig.evt.customer-answered")
        .Add<SignallingEvents.CustomerHungUp>("sig.evt.customer-hung-up")
        .Add<SignallingEvents.AgentRinging>("sig.evt.agent-ringing")
        .Add<SignallingEvents.AgentAnswered>("sig.evt.agent-answered")
        .Add<SignallingEvents.AgentRejected>("sig.evt.agent-rejected")
        .Add<SignallingEvents.AgentNoAnswer>("sig.evt.agent-no-answer")
        .Add<SignallingEvents.AgentHungUp>("sig.evt.agent-hung-up")
        .Add<SignallingEvents.MediaFailed>("sig.evt.media-failed");
}
