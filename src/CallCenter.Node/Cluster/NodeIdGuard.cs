using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using CallCenter.Actors.Calls;

namespace CallCenter.Node.Cluster;

/// <summary>
/// Lets this node start its calls actor only while it is the one cluster member with its node id.
/// </summary>
/// <remarks>
/// Every node carries the role <c>node-id-{id}</c>. Once this node is Up it looks at the other members with that role:
/// <list type="bullet">
/// <item>none: the gate opens;</item>
/// <item>one that is Up and reachable: a second node was started with the same <c>callcenter.node-id</c>; this one, the
/// later, refuses to run (it calls its refuse callback) and never touches the calls journal the other owns;</item>
/// <item>one that is leaving, or unreachable (an earlier run of this node that crashed, not yet downed): the gate opens
/// once it has been removed, so a restart never closes calls that the earlier run may still be carrying.</item>
/// </list>
/// </remarks>
public sealed class NodeIdGuard : ReceiveActor
{
    // Akka.Hosting writes roles into HOCON unquoted, so the prefix has no ':' or '='.
    private const string RolePrefix = "node-id-";

    private readonly string _role;
    private readonly IActorRef _gate;
    private readonly Action<string> _refuse;
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private bool _waitingLogged;

    // The guard's own view, built from the events it is sent: Cluster.State is updated by another subscriber and may
    // not yet show the event this actor is handling.
    private Dictionary<UniqueAddress, Member> _members = [];
    private HashSet<UniqueAddress> _unreachable = [];

    public NodeIdGuard(string nodeId, IActorRef gate, Action<string> refuse)
    {
        _role = RoleOf(nodeId);
        _gate = gate;
        _refuse = refuse;
        Receive<ClusterEvent.CurrentClusterState>(state =>
        {
            _members = state.Members.ToDictionary(m => m.UniqueAddress);
            _unreachable = state.Unreachable.Select(m => m.UniqueAddress).ToHashSet();
            Check();
        });
        Receive<ClusterEvent.MemberRemoved>(e =>
        {
            _members.Remove(e.Member.UniqueAddress);
            _unreachable.Remove(e.Member.UniqueAddress);
            Check();
        });
        Receive<ClusterEvent.IMemberEvent>(e =>
        {
            _members[e.Member.UniqueAddress] = e.Member;
            Check();
        });
        Receive<ClusterEvent.UnreachableMember>(e =>
        {
            _unreachable.Add(e.Member.UniqueAddress);
            Check();
        });
        Receive<ClusterEvent.ReachableMember>(e =>
        {
            _unreachable.Remove(e.Member.UniqueAddress);
            Check();
        });
    }

    /// <summary>The cluster role that names a node id.</summary>
    public static string RoleOf(string nodeId) => RolePrefix + nodeId;

    public static Props Props(string nodeId, IActorRef gate, Action<string> refuse) =>
        Akka.Actor.Props.Create(() => new NodeIdGuard(nodeId, gate, refuse));

    protected override void PreStart() =>
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private void Check()
    {
        if (!_members.TryGetValue(_cluster.SelfUniqueAddress, out var self) || self.Status != MemberStatus.Up)
        {
            return;
        }

        var others = _members.Values
            .Where(m => !m.UniqueAddress.Equals(self.UniqueAddress) && m.HasRole(_role) && m.Status != MemberStatus.Removed)
            .ToImmutableArray();
        var running = others.FirstOrDefault(m =>
            m.Status is MemberStatus.Up or MemberStatus.WeaklyUp && !_unreachable.Contains(m.UniqueAddress) && m.IsOlderThan(self));
        if (running is not null)
        {
            _refuse($"another cluster member, {running.Address}, already runs as node id '{_role[RolePrefix.Length..]}'; " +
                    "give each node its own callcenter.node-id");
            Context.Stop(Self);
            return;
        }

        var leaving = others
            .Where(m => m.Status is MemberStatus.Leaving or MemberStatus.Exiting or MemberStatus.Down || _unreachable.Contains(m.UniqueAddress))
            .ToArray();
        if (leaving.Length > 0)
        {
            if (!_waitingLogged)
            {
                _log.Warning("Calls wait for the earlier run of this node id to leave the cluster: {Members}", string.Join(", ", leaving.Select(m => $"{m.Address} ({m.Status})")));
                _waitingLogged = true;
            }

            return;
        }

        _gate.Tell(CallsStartGate.Open.Instance);
        Context.Stop(Self);
    }
}
