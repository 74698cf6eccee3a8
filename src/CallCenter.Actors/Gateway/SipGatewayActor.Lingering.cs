using Akka.Actor;

namespace CallCenter.Actors.Gateway;

// Finished calls: their legs actors stop at once, and the gateway answers their stragglers for the linger.
public sealed partial class SipGatewayActor
{
    // How often finished calls' records are checked for the end of their linger (they go up to this much late).
    private static readonly TimeSpan LingerSweepInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A call's legs have all ended. Its actor (every INVITE, response, dialog and SDP it holds) goes now rather than
    /// after the 64·T1 linger: at hundreds of calls a second, lingering actors filled the old generation. The small
    /// record of what its stragglers need stays here instead. Its routes go first, so its stop reports no failure.
    /// </summary>
    private void CallFinished(SipOutbound.Finished finished)
    {
        _routes.Remove(Sender);
        Context.Stop(Sender);
        _lingering.Add(finished.Call);
        if (_lingering.Count > 0 && !Timers.IsTimerActive(LingerSweep.Instance))
        {
            Timers.StartPeriodicTimer(LingerSweep.Instance, LingerSweep.Instance, LingerSweepInterval);
        }
    }

    private void SweepLingering()
    {
        _lingering.Sweep();
        if (_lingering.Count == 0)
        {
            Timers.Cancel(LingerSweep.Instance);
        }
    }

    private sealed record LingerSweep : INotInfluenceReceiveTimeout
    {
        public static LingerSweep Instance { get; } = new();
    }
}
