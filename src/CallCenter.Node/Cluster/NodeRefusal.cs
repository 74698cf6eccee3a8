namespace CallCenter.Node.Cluster;

/// <summary>
/// Why a started node must stop after all (its node id is taken in the cluster), handed from the actor that finds out
/// to the program, which then stops the host and exits with the configuration-error code.
/// </summary>
public sealed class NodeRefusal
{
    private readonly TaskCompletionSource<string> _refused = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the reason, once.</summary>
    public Task<string> Refused => _refused.Task;

    public void Refuse(string reason) => _refused.TrySetResult(reason);
}
