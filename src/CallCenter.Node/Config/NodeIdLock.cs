using Npgsql;

namespace CallCenter.Node.Config;

/// <summary>
/// Holds, for the life of the process, a PostgreSQL session lock on this node's id in the journal's schema, so that two
/// nodes started with the same <c>callcenter.node-id</c> cannot both run: the second stops before anything starts.
/// </summary>
/// <remarks>
/// The node id names the calls index whose unfinished calls a starting node closes as interrupted; a duplicate would
/// recover, and end, the live calls of the node already running. A cluster-role check on MemberUp would only come after
/// that recovery, so the lock is taken before the actor system exists. The lock lives with the session: a node killed
/// with -9 drops its connection and the lock with it, so a restart under the same id goes through. A host that vanishes
/// (power cut, network gone) sends nothing: the server only notices through its own TCP keepalives, by default after two
/// hours, and until then no node could take the id elsewhere. The lock's session therefore asks the server to probe it
/// after 10 s idle, every 5 s, 3 times: a dead host's lock is freed within about half a minute.
/// </remarks>
public sealed class NodeIdLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private NodeIdLock(NpgsqlConnection connection)
    {
        _connection = connection;
    }

    /// <summary>The lock, or null when another live node holds it.</summary>
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    public static async Task<NodeIdLock?> TryAcquireAsync(string connectionString, string nodeId, CancellationToken cancellationToken = default)
    {
        // Unpooled: a pooled connection would go back to the pool on dispose with the session lock still held.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 };
        var connection = new NpgsqlConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var keepalives = new NpgsqlCommand(
                "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3;", connection))
            {
                await keepalives.ExecuteNonQueryAsync(cancellationToken);
            }

            // Keyed by schema and node id: clusters in other schemas of the same database may reuse the node ids.
            await using var command = new NpgsqlCommand(
                "SELECT pg_try_advisory_lock(hashtext(current_schema()), hashtext(@node_id));", connection);
            command.Parameters.AddWithValue("node_id", nodeId);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new NodeIdLock(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
