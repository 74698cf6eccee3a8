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
public sealed class PostgreSqlCallRecordStore : ICallRecordStore
{
    private readonly TimeProvider _clock;
    private volatile bool _created;

    /// <param name="connectionString">An Npgsql connection string; the tables go in its search path.</param>
    /// <param name="clock">Stamps the offset row's updated_at; the system clock when null.</param>
    public PostgreSqlCallRecordStore(string connectionString, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ConnectionString = connectionString;
        _clock = clock ?? TimeProvider.System;
    }

    public string ConnectionString { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
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
        _created = true;
    }

    public async Task<long> ReadOffsetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(PostgreSqlCallRecordSchema.SelectOffset, connection);
        command.Parameters.AddWithValue("projection", CallRecordBatch.ProjectionName);
        return await command.ExecuteScalarAsync(cancellationToken) is long offset ? offset : 0;
    }

    public async Task<CallRecordsProjected> ApplyAsync(
        IReadOnlyList<ProjectedCallEvent> events, long throughOffset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        long stored;
        await using (var lockOffset = new NpgsqlCommand(PostgreSqlCallRecordSchema.LockOffset, connection, transaction))
        {
            lockOffset.Parameters.AddWithValue("projection", CallRecordBatch.ProjectionName);
            lockOffset.Parameters.AddWithValue("updated_at", now);
            stored = (long)(await lockOffset.ExecuteScalarAsync(cancellationToken))!;
        }

        var (changed, applied) = await CallRecordBatch.FoldAsync(
            events, stored, id => FindAsync(connection, transaction, id, cancellationToken));
        foreach (var record in changed)
        {
            await UpsertAsync(connection, transaction, record, cancellationToken);
        }

        var newOffset = Math.Max(stored, throughOffset);
        if (newOffset != stored)
        {
            await using var update = new NpgsqlCommand(PostgreSqlCallRecordSchema.UpdateOffset, connection, transaction);
            update.Parameters.AddWithValue("projection", CallRecordBatch.ProjectionName);
            update.Parameters.AddWithValue("last_ordering", newOffset);
            update.Parameters.AddWithValue("updated_at", now);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CallRecordsProjected(stored, newOffset, applied, events.Count - applied);
    }

    public async Task<CallRecord?> FindAsync(CallId callId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FindAsync(connection, null, callId, cancellationToken);
    }

    public async Task<IReadOnlyList<CallRecord>> ListAsync(
        DateTimeOffset? from = null, DateTimeOffset? until = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(PostgreSqlCallRecordSchema.SelectRange, connection);
        command.Parameters.Add(Time("from", from));
        command.Parameters.Add(Time("until", until));
        var records = new List<CallRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(Read(reader));
        }

        return records;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await EnsureCreatedAsync(cancellationToken);
        }

        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<CallRecord?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, CallId callId, CancellationToken token)
    {
        await using var command = new NpgsqlCommand(PostgreSqlCallRecordSchema.SelectOne, connection, transaction);
        command.Parameters.AddWithValue("call_id", callId.Value);
        await using var reader = await command.ExecuteReaderAsync(token);
        return await reader.ReadAsync(token) ? Read(reader) : null;
    }

    private static async Task UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CallRecord r, CancellationToken token)
    {
        await using var command = new NpgsqlCommand(PostgreSqlCallRecordSchema.Upsert, connection, transaction);
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
        await command.ExecuteNonQueryAsync(token);
    }

    // Typed parameters: a null must still tell PostgreSQL its type ("@from IS NULL" cannot infer one).
    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    // timestamptz takes UTC only; PostgreSQL keeps microseconds, so the last tick of a time is lost (harmless for a record).
    private static NpgsqlParameter Time(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = (object?)value?.ToUniversalTime() ?? DBNull.Value };

    // Column order is PostgreSqlCallRecordSchema.Columns; wait and talk seconds are derived from the times, so they are not read back.
    private static CallRecord Read(NpgsqlDataReader row) => new(new CallId(row.GetString(0)))
    {
        QueueId = row.IsDBNull(1) ? null : new QueueId(row.GetString(1)),
        Caller = row.IsDBNull(2) ? null : row.GetString(2),
        Priority = row.GetInt32(3),
        AgentId = row.IsDBNull(4) ? null : new AgentId(row.GetString(4)),
        ArrivedAt = ReadTime(row, 5),
        AnsweredAt = ReadTime(row, 6),
        EndedAt = ReadTime(row, 7),
        FailedOffers = row.GetInt32(10),
        Disposition = row.IsDBNull(11) ? null : Enum.Parse<CallDisposition>(row.GetString(11)),
    };

    private static DateTimeOffset? ReadTime(NpgsqlDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : row.GetFieldValue<DateTimeOffset>(ordinal);
}
