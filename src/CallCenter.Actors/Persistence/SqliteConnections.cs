using Microsoft.Data.Sqlite;

namespace CallCenter.Actors.Persistence;

/// <summary>Builds and prepares the SQLite connections that the journal and the projections share.</summary>
public static class SqliteConnections
{
    /// <summary>
    /// A pooled connection string for <paramref name="path"/>. Microsoft.Data.Sqlite retries SQLITE_BUSY until the command
    /// timeout, so <paramref name="busyTimeout"/> is how long a writer waits for the file lock held by another writer.
    /// </summary>
    public static string ForFile(string path, TimeSpan busyTimeout) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
    }.ToString();

    /// <summary>
    /// The pragma that makes SQLite itself wait for another writer's lock, up to the connection string's timeout.
    /// </summary>
    /// <remarks>
    /// Without it SQLite answers SQLITE_BUSY at once and Microsoft.Data.Sqlite retries after sleeping 150 ms: every time
    /// the projection or the snapshot store held the file's one write lock for a moment, a journal write waited 150 ms
    /// or more (set-up times at 20 calls/s jumped between 4 and 400 ms from step to step). SQLite's own busy handler
    /// retries after 1, 2, 5, 10 ... ms, so a writer gets the lock about as soon as it is free.
    /// </remarks>
    public static string BusyTimeoutPragma(string connectionString)
    {
        var seconds = new SqliteConnectionStringBuilder(connectionString).DefaultTimeout;
        return $"PRAGMA busy_timeout = {Math.Max(seconds, 1) * 1000};";
    }

    /// <summary>Opens a connection on which SQLite waits for a busy file itself (<see cref="BusyTimeoutPragma"/>).</summary>
    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = BusyTimeoutPragma(connectionString);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates the file (and its directory) and switches it to write-ahead logging: readers (projections, reports) then
    /// never block the journal's writer. The mode is stored in the file, so doing it once before start is enough.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file cannot be created or opened, with the path and the reason.</exception>
    public static void Prepare(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            command.ExecuteScalar();
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"cannot open the SQLite database '{dataSource}': {e.Message}", e);
        }
    }
}
