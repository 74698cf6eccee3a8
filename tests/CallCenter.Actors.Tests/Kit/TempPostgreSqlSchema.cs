using Akka.Configuration;
using CallCenter.Actors.Persistence;
using Npgsql;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>
/// A schema of its own on the test PostgreSQL server (CALLCENTER_TEST_POSTGRESQL, else the local default), dropped with
/// everything in it at disposal. Fails with a clear message when the server cannot be reached: these specs never skip.
/// </summary>
public sealed class TempPostgreSqlSchema : IDisposable
{
    public const string EnvironmentVariable = "CALLCENTER_TEST_POSTGRESQL";
    private const string LocalDefault = "Host=127.0.0.1;Port=5432;Database=callcenter;Username=callcenter;Password=callcenter";

    private readonly string _server;

    public TempPostgreSqlSchema()
    {
        _server = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : LocalDefault;
        Schema = "actors_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            Execute($"CREATE SCHEMA {Schema}");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL specs need a server ({EnvironmentVariable}, else '{LocalDefault}'): {e.Message}. " +
                "Run .ci/postgres.sh (as root) or point the variable at a server.", e);
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { SearchPath = Schema }.ToString();
        Settings = PersistenceSettings.PostgreSql(ConnectionString) with { QueryRefreshInterval = TimeSpan.FromMilliseconds(100) };
        Config = CallCenterPersistenceConfig.Complete(Settings);
    }

    public string Schema { get; }

    /// <summary>The server's connection string with this schema as its search path.</summary>
    public string ConnectionString { get; }

    public PersistenceSettings Settings { get; }

    /// <summary>The journal, snapshot store, read journal and serializer in this schema.</summary>
    public Config Config { get; }

    public void Dispose()
    {
        // Pooled connections of the stores and the journal would keep the schema's tables busy.
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
