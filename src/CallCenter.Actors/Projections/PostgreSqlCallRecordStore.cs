using System.Data.Common;
using CallCenter.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CallCenter.Actors.Projections;

/// <summary>
/// The call records in the cluster's PostgreSQL database, next to the journal. Every node runs its own projection into
/// this one table: a batch is written while holding the offset row's lock (SELECT ... FOR UPDATE), and skips what the
/// previous holder already committed, so each event is folded exactly once whichever node gets there first, and records keep
/// flowing while any node lives (no singleton to hand over when its node dies unannounced).
/// </summary>
public sealed class PostgreSqlCallRecordStore : SqlCallRecordStore<NpgsqlConnection, NpgsqlTransaction>
{
    /// <param name="connectionString">An Npgsql connection string; the tables go in its search path.</param>
    /// <param name="clock">Stamps the offset row's updated_at; the system clock when null.</param>
    public PostgreSqlCallRecordStore(string connectionString, TimeProvider? clock = null)
        : base(connectionString, clock)
    {
    }

    private protected override async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key);", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", PostgreSqlCallRecordSchema.CreateLock);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = new NpgsqlCommand(PostgreSqlCallRecordSchema.Create, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private protected override async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private protected override async Task<NpgsqlTransaction> BeginBatchAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    // Every node writes into this table: the batch holds the offset row's lock until it commits.
    private protected override DbCommand TakeOffsetCommand(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now) =>
        Command(connection, transaction, PostgreSqlCallRecordSchema.LockOffset, ("projection", CallRecordBatch.ProjectionName), ("updated_at", now));

    private protected override DbCommand WriteOffsetCommand(NpgsqlConnection connection, NpgsqlTransaction transaction, long offset, DateTimeOffset now) =>
        Command(
            connection, transaction, PostgreSqlCallRecordSchema.UpdateOffset,
            ("projection", CallRecordBatch.ProjectionName), ("last_ordering", offset), ("updated_at", now));

    private protected override DbCommand ListCommand(NpgsqlConnection connection, DateTimeOffset? from, DateTimeOffset? until)
    {
        var command = new NpgsqlCommand(PostgreSqlCallRecordSchema.SelectRange, connection);
        command.Parameters.Add(Time("from", from));
        command.Parameters.Add(Time("until", until));
        return command;
    }

    private protected override DbCommand UpsertCommand(NpgsqlConnection connection, NpgsqlTransaction transaction, CallRecord r)
    {
        var command = new NpgsqlCommand(CallRecordSql.Upsert, connection, transaction);
        var p = command.Parameters;
        p.AddWithValue("call_id", r.CallId.Value);
        p.Add(Text("queue_id", r.QueueId?.Value));
        p.Add(Text("caller", r.Caller));
        p.AddWithValue("priority", r.Priority);
        p.Add(Text("agent_id", r.AgentId?.Value));
        p.Add(Time("arrived_at", r.ArrivedAt));
        p.Add(Time("answered_at", r.AnsweredAt));
        p.Add(Time("ended_at", r.EndedAt));
        p.Add(new NpgsqlParameter<double?>("wait_seconds", NpgsqlDbType.Double) { TypedValue = r.WaitSeconds });
        p.Add(new NpgsqlParameter<double?>("talk_seconds", NpgsqlDbType.Double) { TypedValue = r.TalkSeconds });
        p.AddWithValue("failed_offers", r.FailedOffers);
        p.Add(Text("disposition", r.Disposition?.ToString()));
        return command;
    }

    private protected override DateTimeOffset? ReadTime(DbDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : row.GetFieldValue<DateTimeOffset>(ordinal);

    // Typed parameters: a null must still tell PostgreSQL its type ("@from IS NULL" cannot infer one).
    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    // timestamptz takes UTC only; PostgreSQL keeps microseconds, so the last tick of a time is lost (harmless for a record).
    private static NpgsqlParameter Time(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = (object?)value?.ToUniversalTime() ?? DBNull.Value };
}
