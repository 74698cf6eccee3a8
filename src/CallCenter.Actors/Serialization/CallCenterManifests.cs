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
        // snapshots
        .Add<CallState>("snapshot.call")
        .Add<AgentState>("snapshot.agent")
        .Add<QueueState>("snapshot.queue")
        // commands and replies: they cross nodes once agents and queues are sharded
        .Add<CallCommands.Receive>("call.cmd.receive")
        .Add<CallCommands.Enqueue>("call.cmd.enqueue")
        .Add<CallCommands.Offer>("call.cmd.offer")
        .Add<CallCommands.Connect>("call.cmd.connect")
        .Add<CallCommands.FailOffer>("call.cmd.fail-offer")
        .Add<CallCommands.Hangup>("call.cmd.hangup")
        .Add<CallCommands.End>("call.cmd.end")
        .Add<AgentCommands.Configure>("agent.cmd.configure")
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
        .Add<CommandResult>("result");
}
