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
