using System.Data.Common;

namespace CallCenter.Actors.Persistence;

/// <summary>Where the event journal, snapshots and the read journal connect. Bindable from configuration (init properties).</summary>
public sealed record PersistenceSettings
{
    public PersistenceProvider Provider { get; init; } = PersistenceProvider.Sqlite;

    /// <summary>The SQLite database file (relative paths resolve against the working directory); used when Provider is Sqlite.</summary>
    public string SqlitePath { get; init; } = "callcenter.db";

    /// <summary>An Npgsql connection string; used when Provider is PostgreSql.</summary>
    public string? PostgreSqlConnectionString { get; init; }

    /// <summary>How often live queries (EventsByTag) look for new events; lower means fresher projections and more polling.</summary>
    public TimeSpan QueryRefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a SQLite command waits for a lock held by another connection before failing.</summary>
    public TimeSpan SqliteBusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>What a committed SQLite write survives. The default (<see cref="SqliteDurability.ProcessCrash"/>) trades the
    /// last commits before a power cut for one fsync less per commit; choose PowerLoss where that matters more than rate.</summary>
    public SqliteDurability SqliteDurability { get; init; } = SqliteDurability.ProcessCrash;

    /// <summary>How often the write-ahead log is checkpointed in the background (<see cref="SqliteCheckpointActor"/>).</summary>
    public TimeSpan SqliteCheckpointInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public static PersistenceSettings Sqlite(string path) => new() { Provider = PersistenceProvider.Sqlite, SqlitePath = path };

    public static PersistenceSettings PostgreSql(string connectionString) =>
        new() { Provider = PersistenceProvider.PostgreSql, PostgreSqlConnectionString = connectionString };

    /// <summary>The first thing wrong with these settings, or null when they are usable.</summary>
    public string? Validate() =>
        !Enum.IsDefined(Provider) ? $"unknown persistence provider '{Provider}'"
        : QueryRefreshInterval <= TimeSpan.Zero ? "the query refresh interval must be positive"
        : Provider == PersistenceProvider.Sqlite ? ValidateSqlite()
        : ValidatePostgreSql();

    /// <summary>The connection string the journal, the snapshot store and the read journal share.</summary>
    public string ConnectionString()
    {
        if (Validate() is { } problem)
        {
            throw new ArgumentException($"invalid persistence settings: {problem}");
        }

        return Provider == PersistenceProvider.Sqlite
            ? SqliteConnections.ForFile(SqlitePath, SqliteBusyTimeout)
            : PostgreSqlConnectionString!;
    }

    private string? ValidateSqlite() =>
        string.IsNullOrWhiteSpace(SqlitePath) ? "the SQLite database path is empty"
        : SqlitePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0 ? $"the SQLite database path '{SqlitePath}' has invalid characters"
        : SqliteBusyTimeout < TimeSpan.FromSeconds(1) ? "the SQLite busy timeout must be at least one second"
        : !Enum.IsDefined(SqliteDurability) ? $"unknown SQLite durability '{SqliteDurability}'"
        : SqliteCheckpointInterval <= TimeSpan.Zero ? "the SQLite checkpoint interval must be positive"
        : null;

    private string? ValidatePostgreSql()
    {
        if (string.IsNullOrWhiteSpace(PostgreSqlConnectionString))
        {
            return "the PostgreSQL connection string is empty";
        }

        try
        {
            // Syntax only: reaching the server is the journal's job, and it reports its own errors.
            var builder = new DbConnectionStringBuilder { ConnectionString = PostgreSqlConnectionString };
            return builder.ContainsKey("Host") || builder.ContainsKey("Server")
                ? null
                : "the PostgreSQL connection string names no Host";
        }
        catch (ArgumentException e)
        {
            return $"the PostgreSQL connection string is malformed: {e.Message}";
        }
    }
}
