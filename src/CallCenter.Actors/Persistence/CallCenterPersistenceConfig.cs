using System.Globalization;
using Akka.Configuration;
using Akka.Persistence.Sql;

namespace CallCenter.Actors.Persistence;

/// <summary>The HOCON of the journal, snapshot store, read journal and serializer for one <see cref="PersistenceSettings"/>.</summary>
public static class CallCenterPersistenceConfig
{
    public const string JournalPath = "akka.persistence.journal.sql";
    public const string SnapshotStorePath = "akka.persistence.snapshot-store.sql";
    public const string ReadJournalPath = "akka.persistence.query.journal.sql";

    /// <summary>
    /// Checks the settings and makes the store usable: for SQLite, creates the file and turns on write-ahead logging.
    /// </summary>
    /// <exception cref="ArgumentException">The settings are invalid; the message says which one and why.</exception>
    /// <exception cref="InvalidOperationException">The SQLite file cannot be created or opened.</exception>
    public static void Prepare(PersistenceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var connectionString = settings.ConnectionString();
        if (settings.Provider == PersistenceProvider.Sqlite)
        {
            SqliteConnections.Prepare(connectionString);
        }
    }

    /// <summary>The call-center HOCON for <paramref name="settings"/>, without Akka.Persistence.Sql's reference config.</summary>
    public static Config For(PersistenceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var connection = EmbeddedHocon.Quote(settings.ConnectionString());
        var refresh = settings.QueryRefreshInterval.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        var file = settings.Provider == PersistenceProvider.Sqlite ? EmbeddedHocon.PersistenceSqlite : EmbeddedHocon.PersistencePostgreSql;

        // One connection string for all three plugins: the read journal must see the rows the journal wrote.
        var overrides = ConfigurationFactory.ParseString(
            $"""
            {JournalPath}.connection-string = {connection}
            {SnapshotStorePath}.connection-string = {connection}
            {ReadJournalPath}.connection-string = {connection}
            {ReadJournalPath}.refresh-interval = {refresh}ms
            {ReadJournalPath}.journal-sequence-retrieval.query-delay = {refresh}ms
            """);

        if (settings.Provider == PersistenceProvider.Sqlite)
        {
            // SQLite has one write lock per file: parallel journal writers only queue for it, and Microsoft.Data.Sqlite
            // waits for a busy lock by sleeping (150 ms a try). One writer batching everything that is pending is faster.
            overrides = overrides.WithFallback(ConfigurationFactory.ParseString($"{JournalPath}.parallelism = 1"));
        }

        return overrides
            .WithFallback(EmbeddedHocon.Load(file))
            .WithFallback(EmbeddedHocon.Load(EmbeddedHocon.Serialization));
    }

    /// <summary>
    /// <see cref="For"/> with Akka.Persistence.Sql's reference config as the last fallback, for a plain ActorSystem.
    /// That config is not loaded by the plugin itself; without it Akka reports 'Plugin class name must be defined'.
    /// </summary>
    public static Config Complete(PersistenceSettings settings) => For(settings).WithFallback(SqlPersistence.DefaultConfiguration);
}
