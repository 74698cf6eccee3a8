using CallCenter.Domain;

namespace CallCenter.Actors.Calls;

/// <summary>The node is shutting down and the call's grace period is over: end it now, hanging up every leg it has.</summary>
/// <remarks>
/// A connected call ends as Completed: an agent served the caller and the conversation ended normally, only sooner.
/// Any other open call (arrived, queued, ringing an agent) ends as Interrupted: the caller was never served because
/// the node stopped, which is neither the caller's choice (Abandoned) nor a fault (Failed), and is what the call would
/// have been recorded as had the node died instead of stopping. Node-local (calls never leave their node), so it has
/// no wire format.
/// </remarks>
public sealed record EndForShutdown(CallId CallId) : IWithCallId;
