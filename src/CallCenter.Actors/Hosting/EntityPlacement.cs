namespace CallCenter.Actors.Hosting;

/// <summary>Where agent and queue entities live: a cluster shard region, or one local parent with a child per entity.</summary>
/// <param name="UseSharding">Shard across the cluster (the caller configures clustering); otherwise one local parent.</param>
/// <param name="ShardCount">Shards of the region; also the extractor's hash space in local mode.</param>
/// <param name="Role">The cluster role hosting the region; null for every node.</param>
public sealed record EntityPlacement(bool UseSharding = false, int ShardCount = 100, string? Role = null)
{
    public static EntityPlacement Local { get; } = new();

    public static EntityPlacement Sharded(string? role = null, int shardCount = 100) => new(true, shardCount, role);
}
