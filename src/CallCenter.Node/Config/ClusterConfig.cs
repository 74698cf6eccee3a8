using System.Collections.Immutable;
using System.Globalization;

namespace CallCenter.Node.Config;

/// <summary>One seed node of the cluster: where a joining node first asks to be let in.</summary>
public sealed record SeedNode(string Host, int Port)
{
    /// <summary>"host:port" (an IPv6 host in brackets).</summary>
    /// <exception cref="ConfigurationError">The value is not host:port.</exception>
    public static SeedNode Parse(string key, string value)
    {
        var colon = value.LastIndexOf(':');
        var host = colon > 0 ? value[..colon].Trim('[', ']') : "";
        if (host.Length == 0 || host.Any(char.IsWhiteSpace)
            || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ConfigurationError(key, $"'{value}' is not host:port");
        }

        return new SeedNode(host, port);
    }
}

/// <summary>
/// The node's cluster membership (<c>callcenter.cluster</c>, <c>--cluster-port</c>, <c>--seed</c>). With no port and no
/// seeds the node is standalone: no remoting, agents and queues are local children, exactly as a single process always ran.
/// </summary>
/// <param name="Port">The Akka remoting port; null (0 in HOCON) for standalone.</param>
/// <param name="Hostname">The address peers use to reach this node's remoting (also the bind address).</param>
/// <param name="Seeds">Seed nodes; empty with a port means this node is the first seed and joins itself.</param>
/// <param name="StableAfter">How long membership must be stable before the split-brain resolver downs unreachable nodes
/// (the majority side survives); also how long a dead node's agents and queues wait before moving.</param>
public sealed record ClusterConfig(int? Port, string Hostname, ImmutableArray<SeedNode> Seeds, TimeSpan StableAfter)
{
    public static ClusterConfig Standalone { get; } = new(null, "127.0.0.1", [], TimeSpan.FromSeconds(20));

    public bool Enabled => Port is not null || !Seeds.IsEmpty;
}
