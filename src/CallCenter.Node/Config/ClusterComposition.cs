using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Hosting;
using Akka.Remote.Hosting;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Hosting;
using CallCenter.Node.Cluster;

namespace CallCenter.Node.Config;

/// <summary>
/// Remoting, cluster membership and the split-brain resolver of a clustered node.
/// </summary>
/// <remarks>
/// What is node-local and what is shared: the SIP gateway, its dialogs and the media relay belong to the process whose
/// sockets the SIP and RTP reach, so a call's legs and its CallActor stay on the node where its INVITE arrived (the
/// calls actor is named by node id and recovers only that node's calls). Agents and queues are cluster-sharded: every
/// node asks the same entity, so queue statistics and an agent's availability agree whichever node is asked, and when a
/// node dies its shards are started on the survivors and recover from the shared journal. SIP itself is addressable
/// from any node: a node that offers a call to an agent sends the INVITE to the agent's registered contact, which any
/// node can reach.
/// The split-brain resolver keeps the majority side (never auto-down): a lone partitioned node downs itself instead of
/// letting two nodes run the same agent.
/// </remarks>
public static class ClusterComposition
{
    /// <summary>The ActorSystem name; seed addresses must name the same system.</summary>
    public const string SystemName = "callcenter";

    /// <summary>Standalone: the node as it always ran (no remoting, local entity parents). Clustered: remoting on the
    /// cluster port, the seeds (or this node alone, forming a new cluster) and sharded agents and queues.</summary>
    public static EntityPlacement Placement(ClusterConfig cluster) =>
        cluster.Enabled ? EntityPlacement.Sharded() : EntityPlacement.Local;

    /// <remarks>The node id is carried as the member's role <c>node-id-{id}</c>, so that <see cref="NodeIdGuard"/> can tell
    /// two members with one node id apart.</remarks>
    public static AkkaConfigurationBuilder WithCallCenterCluster(this AkkaConfigurationBuilder builder, ClusterConfig cluster, string nodeId)
    {
        if (!cluster.Enabled)
        {
            return builder;
        }

        var port = cluster.Port ?? 0;
        var self = $"akka.tcp://{SystemName}@{cluster.Hostname}:{port}";
        var seeds = cluster.Seeds.IsEmpty
            ? [self]
            : cluster.Seeds.Select(s => $"akka.tcp://{SystemName}@{s.Host}:{s.Port}").ToArray();
        return builder
            .WithRemoting(new RemoteOptions { HostName = cluster.Hostname, Port = port })
            .WithClustering(new ClusterOptions
            {
                SeedNodes = seeds,
                Roles = [NodeIdGuard.RoleOf(nodeId)],
                SplitBrainResolver = new KeepMajorityOption(),
            })
            .AddHocon(
                $"akka.cluster.split-brain-resolver.stable-after = {(int)cluster.StableAfter.TotalMilliseconds}ms",
                HoconAddMode.Prepend);
    }

    /// <summary>Clustered: starts the <see cref="NodeIdGuard"/> that opens the calls actor's start gate. Goes after
    /// <c>AddCallActors</c>, whose gate it needs.</summary>
    public static AkkaConfigurationBuilder WithNodeIdGuard(
        this AkkaConfigurationBuilder builder, ClusterConfig cluster, string nodeId, Action<string> refuse) =>
        !cluster.Enabled
            ? builder
            : builder.WithActors((system, registry) =>
                system.ActorOf(NodeIdGuard.Props(nodeId, registry.Get<CallsStartGate>(), refuse), "node-id-guard"));
}
