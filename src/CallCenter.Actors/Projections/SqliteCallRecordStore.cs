using System.Data.Common;
using System.Globalization;
using CallCenter.Actors.Persistence;
using CallCenter.Domain;
using Microsoft.Data.Sqlite;

namespace CallCenter.Actors.Projections;

/// <summary>
/// The call records in a SQLite file (the single-process default). One writer at a time holds the file's write lock, so
/// the projection's transaction needs no further guard.
/// </summary>
public sealed class SqliteCallRecordStore : SqlCallRecordStore<SqliteConnection, SqliteTransaction>
{
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <param name="clock">Stamps the offset row's updated_at; the system clock when null.</param>
    public SqliteCallRecordStore(string connectionString, TimeProvider? clock = null)
        : base(connectionString, clock)
    {
    }

    /// <summary>
    /// A store in the SQLite file at <paramref name="path"/>: the journal's file, or one of its own. A write waits up to
    /// <paramref name="busyTimeout"/> (default 30 s) for the journal's lock, then fails and the projection backs off.
    /// </summary>
    public static SqliteCallRecordStore ForSqliteFile(string path, TimeSpan? busyTimeout = null, TimeProvider? clock = null) =>
        new(SqliteConnections.ForFile(path, busyTimeout ?? TimeSpan.FromSeconds(30)), clock);

    /// <summary>Creates the file, its tables and indexes when missing, and turns on write-ahead logging.</summary>
    private protected override async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        SqliteConnections.Prepare(ConnectionString);
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteCallRecordSchema.Create;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private protected override Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        SqliteConnections.OpenAsync(ConnectionString, cancellationToken);

    // Immediate: take the write lock now, so two writers queue on the busy timeout instead of failing on upgrade.
    private protected override Task<SqliteTransaction> BeginBatchAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult(connection.BeginTransaction(deferred: false));

    // The immediate transaction already holds the file's write lock: a plain read is guarded.
    private protected override DbCommand TakeOffsetCommand(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now) =>
        ReadOffsetCommand(connection, transaction);

    private protected override DbCommand WriteOffsetCommand(SqliteConnection connection, SqliteTransaction transaction, long offset, DateTimeOffset now) =>
        Command(
            connection, transaction, SqliteCallRecordSchema.UpsertOffset,
            ("projection", CallRecordBatch.ProjectionName), ("last_ordering", offset), ("updated_at", Format(now)));

    private protected override DbCommand ListCommand(SqliteConnection connection, DateTimeOffset? from, DateTimeOffset? until) =>
        Command(connection, null, SqliteCallRecordSchema.SelectRange, ("from", Format(from)), ("until", Format(until)));

    private protected override DbCommand UpsertCommand(SqliteConnection connection, SqliteTransaction transaction, CallRecord r) =>
        Command(
            connection,
            transaction,
            CallRecordSql.Upsert,
            ("call_id", r.CallId.Value),
            ("queue_id", r.QueueId?.Value),
            ("caller", r.Caller),
            ("priority", r.Priority),
            ("agent_id", r.AgentId?.Value),
            ("arrived_at", Format(r.ArrivedAt)),
            ("answered_at", Format(r.AnsweredAt)),
            ("ended_at", Format(r.EndedAt)),
            ("wait_seconds", r.WaitSeconds),
            ("talk_seconds", r.TalkSeconds),
            ("failed_offers", r.FailedOffers),
            ("disposition", r.Disposition?.ToString()));

    // Times are stored as UTC ISO-8601 text (SqliteCallRecordSchema), so they sort and compare as strings.
    private protected override DateTimeOffset? ReadTime(DbDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : DateTimeOffset.Parse(row.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string? Format(DateTimeOffset? time) => time?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
