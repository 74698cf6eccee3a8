namespace CallCenter.Node.Operations;

/// <summary>Whether the node takes calls: not while it starts (SIP not yet listening), yes once ready, and not again
/// once it has begun to shut down, so a load balancer stops sending it new calls while the old ones finish.</summary>
public sealed class NodeReadiness
{
    private volatile NodePhase _phase = NodePhase.Starting;

    public NodePhase Phase => _phase;

    public void Ready()
    {
        if (_phase == NodePhase.Starting)
        {
            _phase = NodePhase.Ready;
        }
    }

    public void Stopping() => _phase = NodePhase.Stopping;
}

public enum NodePhase
{
    Starting,
    Ready,
    Stopping,
}
