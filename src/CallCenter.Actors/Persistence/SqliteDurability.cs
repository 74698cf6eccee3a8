using System.Data.Common;
using Akka.Persistence.Sql.Config;
using LinqToDB;

namespace CallCenter.Actors.Persistence;

/// <summary>What a committed journal write survives on SQLite (the file is always in WAL mode).</summary>
public enum SqliteDurability
{
    /// <summary><c>PRAGMA synchronous = NORMAL</c>: a commit is safe once the process has handed it to the OS, so it
    /// survives the process crashing or being killed; a power cut or kernel crash can lose the last commits (never
    /// corrupt the file). Saves one fsync (~1.5 ms on the reference disk) per commit.</summary>
    ProcessCrash,

    /// <summary><c>PRAGMA synchronous = FULL</c> (SQLite's default): every commit waits for the disk; survives power loss.</summary>
    PowerLoss,
}

/// <summary>Applies <see cref="SqliteDurability"/> (and SQLite's own busy wait: <see cref="SqliteConnections.BusyTimeoutPragma"/>)
/// to the journal's, snapshot store's and read journal's connections.</summary>
/// <remarks>The pragma is per connection and Microsoft.Data.Sqlite has no connection-string keyword for it, so it is set
/// by linq2db right after each connection opens, through Akka.Persistence.Sql's per-plugin DataOptions.</remarks>
internal static class SqliteDurabilitySetup
{
    public static string PluginIdHocon => $"""
        {CallCenterPersistenceConfig.JournalPath}.plugin-id = "{CallCenterPersistenceConfig.JournalPath}"
        {CallCenterPersistenceConfig.SnapshotStorePath}.plugin-id = "{CallCenterPersistenceConfig.SnapshotStorePath}"
        {CallCenterPersistenceConfig.ReadJournalPath}.plugin-id = "{CallCenterPersistenceConfig.ReadJournalPath}"
        """;

    /// <summary>Commits checkpoint the log only past 40,000 pages (~160 MB), a backstop should
    /// <see cref="SqliteCheckpointActor"/> fail: it checkpoints in the background and restarts the log at 8,192. At
    /// SQLite's 1,000 a busy node stalled a commit every few hundred calls; at 10,000 (with no restart) every ~350 ms.</summary>
    private const string WalBackstopPragma = "PRAGMA wal_autocheckpoint = 40000; ";

    public static MultiDataOptionsSetup For(string connectionString, SqliteDurability durability)
    {
        var pragma = (durability == SqliteDurability.PowerLoss ? "PRAGMA synchronous = FULL; " : "PRAGMA synchronous = NORMAL; ")
            + WalBackstopPragma + SqliteConnections.BusyTimeoutPragma(connectionString);
        var options = new DataOptions()
            .UseConnectionString(ProviderName.SQLiteMS, connectionString)
            .UseAfterConnectionOpened(connection => Run(connection, pragma), (connection, token) => RunAsync(connection, pragma, token));
        var setup = new MultiDataOptionsSetup();
        setup.AddDataOptions(CallCenterPersistenceConfig.JournalPath, options);
        setup.AddDataOptions(CallCenterPersistenceConfig.SnapshotStorePath, options);
        setup.AddDataOptions(CallCenterPersistenceConfig.ReadJournalPath, options);
        return setup;
    }

    private static void Run(DbConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        command.ExecuteNonQuery();
    }

    private static async Task RunAsync(DbConnection connection, string pragma, CancellationToken token)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(token);
    }
}
