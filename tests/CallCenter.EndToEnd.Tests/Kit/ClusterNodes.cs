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
        var port = FreePort.Next();
        var options = Options(port, seed);
        var node = await NodeProcess.StartAsync(Configuration(nodeId, callCenterBlock), output, TimeSpan.FromSeconds(90), options);
        if (options.Count > 2)
        {
            // Ready means SIP is up; a joining node is a member once the seed welcomes it.
            await node.WaitForLineAsync(l => l.Contains("Welcome from", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        }

        _ports[node] = port;
        _nodes.Add(node);
        return node;
    }

    /// <summary>Polls the cluster's one call_records table (every node projects into it) until <paramref name="done"/> holds.</summary>
    public Task<IReadOnlyList<CallRecordRow>> WaitForRecordsAsync(Func<IReadOnlyList<CallRecordRow>, bool> done, TimeSpan timeout) =>
        CallRecordRows.WaitForAsync(() => CallRecordRows.ReadPostgreSqlAsync(ConnectionString), done, timeout);

    /// <summary>Waits until the call-record projection's offset reaches the last call event in the journal (its tag table).</summary>
    public async Task WaitForProjectionsAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                SELECT (SELECT coalesce(max(ordering_id), 0) FROM tags WHERE tag = 'call'),
                       (SELECT coalesce(max(last_ordering), 0) FROM projection_offsets WHERE projection = 'call-records');
                """,
                connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (journal, projected) = (reader.GetInt64(0), reader.GetInt64(1));
            if (projected >= journal)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the call-record projection stayed at {projected}, the journal's last call event is {journal}");
            }

            await Task.Delay(250);
        }
    }

    public int ClusterPortOf(NodeProcess node) => _ports[node];

    /// <summary>Runs a node that is expected to stop by itself (refused start-up); its exit code and output.</summary>
    public Task<(int ExitCode, string Output)> RunToExitAsync(string nodeId, string callCenterBlock, TimeSpan timeout) =>
        NodeProcess.RunToExitAsync(
            Configuration(nodeId, callCenterBlock),
            timeout,
            [
                "--sip-port", FreePort.Next().ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--http-port", FreePort.Next().ToString(CultureInfo.InvariantCulture), .. Options(FreePort.Next(), seed: null),
            ]);

    private string Configuration(string nodeId, string callCenterBlock) => $$"""
        {{callCenterBlock}}
        callcenter {
          node-id = "{{nodeId}}"
          persistence { provider = postgresql, postgresql = "{{ConnectionString}}" }
          cluster { stable-after = 3s }
        }
        """;

    private List<string> Options(int clusterPort, NodeProcess? seed)
    {
        List<string> options = ["--cluster-port", clusterPort.ToString(CultureInfo.InvariantCulture)];
        if ((seed ?? _nodes.FirstOrDefault()) is { } through)
        {
            options.AddRange(["--seed", $"127.0.0.1:{ClusterPortOf(through)}"]);
        }

        return options;
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
