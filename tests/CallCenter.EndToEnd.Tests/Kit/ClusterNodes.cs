using System.Globalization;
using CallCenter.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests.Kit;

/// <summary>
/// Node processes forming one Akka cluster on 127.0.0.1 over one PostgreSQL database, in a schema of their own made
/// for this test (dropped at disposal). The connection string comes from CALLCENTER_TEST_POSTGRESQL (.ci/run sets it).
/// </summary>
internal sealed class ClusterNodes : IAsyncDisposable
{
    public const string EnvironmentVariable = "CALLCENTER_TEST_POSTGRESQL";
    private const string LocalDefault = "Host=127.0.0.1;Port=5432;Database=callcenter;Username=callcenter;Password=callcenter";

    private readonly string _server;
    private readonly string _schema;
    private readonly List<NodeProcess> _nodes = [];

    private ClusterNodes(string server, string schema)
    {
        _server = server;
        _schema = schema;
    }

    public IReadOnlyList<NodeProcess> Nodes => _nodes;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ToString();

    /// <summary>Makes a fresh schema; fails with a clear message when PostgreSQL cannot be reached (never skips).</summary>
    public static async Task<ClusterNodes> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : LocalDefault;
        var schema = "cluster_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"The multi-node tests need PostgreSQL ({EnvironmentVariable}, else '{LocalDefault}'): {e.Message}. " +
                "Run .ci/postgres.sh (as root) or point the variable at a server.", e);
        }

        return new ClusterNodes(server, schema);
    }

    /// <summary>Starts a node with its own node id and cluster port, joining through <paramref name="seed"/> (by default
    /// the first node started; the first node forms the cluster).</summary>
    public async Task<NodeProcess> StartAsync(string nodeId, string callCenterBlock, ITestOutputHelper output, NodeProcess? seed = null)
    {
        var (port, configuration, options) = Prepare(nodeId, callCenterBlock, seed);
        var node = await NodeProcess.StartAsync(configuration, output, TimeSpan.FromSeconds(90), options);
        if (options.Count > 2)
        {
            // Ready means SIP is up; a joining node is a member once the seed welcomes it.
            await node.WaitForLineAsync(l => l.Contains("Welcome from", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        }

        _ports[node] = port;
        _nodes.Add(node);
        return node;
    }

    /// <summary>Runs a node that joins the cluster until it exits by itself: for nodes that must refuse to run.</summary>
    public Task<(int ExitCode, string Output)> RunToExitAsync(string nodeId, string callCenterBlock, TimeSpan timeout)
    {
        var (_, configuration, options) = Prepare(nodeId, callCenterBlock, null);
        return NodeProcess.RunToExitAsync(configuration, timeout, [.. options]);
    }

    public int ClusterPortOf(NodeProcess node) => _ports[node];

    private (int Port, string Configuration, List<string> Options) Prepare(string nodeId, string callCenterBlock, NodeProcess? seed)
    {
        var port = FreePort.Next();
        var configuration = $$"""
            {{callCenterBlock}}
            callcenter {
              node-id = "{{nodeId}}"
              persistence { provider = postgresql, postgresql = "{{ConnectionString}}" }
              cluster { stable-after = 3s }
            }
            """;
        List<string> options = ["--cluster-port", port.ToString(CultureInfo.InvariantCulture)];
        if ((seed ?? _nodes.FirstOrDefault()) is { } through)
        {
            options.AddRange(["--seed", $"127.0.0.1:{ClusterPortOf(through)}"]);
        }

        return (port, configuration, options);
    }

    private readonly Dictionary<NodeProcess, int> _ports = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Enumerable.Reverse(_nodes))
        {
            await node.DisposeAsync();
        }

        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
