using System.Globalization;
using CallCenter.Actors.Persistence;
using CallCenter.Domain;
using Microsoft.Data.Sqlite;

namespace CallCenter.Actors.Projections;

/// <summary>
/// The SQLite read model of call records and the projection's offset. Rows and offset change in one transaction, and
/// events at or below the stored offset are skipped, so a projection that restarts anywhere neither doubles nor loses a call.
/// </summary>
public sealed class CallRecordStore
{
    /// <summary>The offset row of the call-record projection.</summary>
    public const string ProjectionName = "call-records";

    private readonly TimeProvider _clock;
    private volatile bool _created;

    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <param name="clock">Stamps the offset row's updated_at; the system clock when null.</param>
    public CallRecordStore(string connectionString, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ConnectionString = connectionString;
        _clock = clock ?? TimeProvider.System;
    }

    public string ConnectionString { get; }

    /// <summary>
    /// A store in the SQLite file at <paramref name="path"/>: the journal's file, or one of its own. A write waits up to
    /// <paramref name="busyTimeout"/> (default 30 s) for the journal's lock, then fails and the projection backs off.
    /// </summary>
    public static CallRecordStore ForSqliteFile(string path, TimeSpan? busyTimeout = null, TimeProvider? clock = null) =>
        new(SqliteConnections.ForFile(path, busyTimeout ?? TimeSpan.FromSeconds(30)), clock);

    /// <summary>
    /// Creates the file, its tables and indexes when missing, and turns on write-ahead logging. Every other method does
    /// this on its first call, so readers (reports, HTTP) may come before the projection has written anything.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        SqliteConnections.Prepare(ConnectionString);
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = CallRecordSchema.Create;
        await command.ExecuteNonQueryAsync(cancellationToken);
        _created = true;
    }

    /// <summary>The journal ordering of the last projected event; 0 before the first.</summary>
    public async Task<long> ReadOffsetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadOffsetAsync(connection, null, cancellationToken);
    }

    /// <summary>
    /// Folds <paramref name="events"/> (in offset order) into their records and moves the offset to <paramref name="throughOffset"/>,
    /// all in one transaction. Events already covered by the stored offset are skipped.
    /// </summary>
    public async Task<CallRecordsProjected> ApplyAsync(
        IReadOnlyList<ProjectedCallEvent> events, long throughOffset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using var connection = await OpenAsync(cancellationToken);

        // Immediate: take the write lock now, so two writers queue on the busy timeout instead of failing on upgrade.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var stored = await ReadOffsetAsync(connection, transaction, cancellationToken);
        var records = new Dictionary<CallId, CallRecord>();
        var applied = 0;
        foreach (var projected in events)
        {
            if (projected.Offset <= stored)
            {
                continue;
            }

            var id = projected.Event.CallId;
            if (!records.TryGetValue(id, out var record))
            {
                record = await FindAsync(connection, transaction, id, cancellationToken) ?? new CallRecord(id);
            }

            records[id] = record.Apply(projected.Event);
            applied++;
        }

        foreach (var record in records.Values)
        {
            await UpsertAsync(connection, transaction, record, cancellationToken);
        }

        var newOffset = Math.Max(stored, throughOffset);
        if (newOffset != stored)
        {
            await WriteOffsetAsync(connection, transaction, newOffset, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CallRecordsProjected(stored, newOffset, applied, events.Count - applied);
    }

    public async Task<CallRecord?> FindAsync(CallId callId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FindAsync(connection, null, callId, cancellationToken);
    }

    /// <summary>Records by arrival time (then id), optionally only those that arrived in [<paramref name="from"/>, <paramref name="until"/>).</summary>
    public async Task<IReadOnlyList<CallRecord>> ListAsync(
        DateTimeOffset? from = null, DateTimeOffset? until = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {CallRecordSchema.Columns} FROM call_records
            WHERE ($from IS NULL OR arrived_at >= $from) AND ($until IS NULL OR arrived_at < $until)
            ORDER BY arrived_at, call_id;
            """;
        command.Parameters.AddWithValue("$from", (object?)Format(from) ?? DBNull.Value);
        command.Parameters.AddWithValue("$until", (object?)Format(until) ?? DBNull.Value);
        var records = new List<CallRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(Read(reader));
        }

        return records;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // Racing first calls both run CREATE ... IF NOT EXISTS, which is harmless.
        if (!_created)
        {
            await EnsureCreatedAsync(cancellationToken);
        }

        return await SqliteConnections.OpenAsync(ConnectionString, cancellationToken);
    }

    private static async Task<long> ReadOffsetAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken token)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = CallRecordSchema.SelectOffset;
        command.Parameters.AddWithValue("$projection", ProjectionName);
        return await command.ExecuteScalarAsync(token) is long offset ? offset : 0;
    }

    private async Task WriteOffsetAsync(SqliteConnection connection, SqliteTransaction transaction, long offset, CancellationToken token)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = CallRecordSchema.UpsertOffset;
        command.Parameters.AddWithValue("$projection", ProjectionName);
        command.Parameters.AddWithValue("$last_ordering", offset);
        command.Parameters.AddWithValue("$updated_at", Format(_clock.GetUtcNow()));
        await command.ExecuteNonQueryAsync(token);
    }

    private static async Task<CallRecord?> FindAsync(
        SqliteConnection connection, SqliteTransaction? transaction, CallId callId, CancellationToken token)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = CallRecordSchema.SelectOne;
        command.Parameters.AddWithValue("$call_id", callId.Value);
        await using var reader = await command.ExecuteReaderAsync(token);
        return await reader.ReadAsync(token) ? Read(reader) : null;
    }

    private static async Task UpsertAsync(SqliteConnection connection, SqliteTransaction transaction, CallRecord r, CancellationToken token)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = CallRecordSchema.Upsert;
        var p = command.Parameters;
        p.AddWithValue("$call_id", r.CallId.Value);
        p.AddWithValue("$queue_id", (object?)r.QueueId?.Value ?? DBNull.Value);
        p.AddWithValue("$caller", (object?)r.Caller ?? DBNull.Value);
        p.AddWithValue("$priority", r.Priority);
        p.AddWithValue("$agent_id", (object?)r.AgentId?.Value ?? DBNull.Value);
        p.AddWithValue("$arrived_at", (object?)Format(r.ArrivedAt) ?? DBNull.Value);
        p.AddWithValue("$answered_at", (object?)Format(r.AnsweredAt) ?? DBNull.Value);
        p.AddWithValue("$ended_at", (object?)Format(r.EndedAt) ?? DBNull.Value);
        p.AddWithValue("$wait_seconds", (object?)r.WaitSeconds ?? DBNull.Value);
        p.AddWithValue("$talk_seconds", (object?)r.TalkSeconds ?? DBNull.Value);
        p.AddWithValue("$failed_offers", r.FailedOffers);
        p.AddWithValue("$disposition", (object?)r.Disposition?.ToString() ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(token);
    }

    // Column order is CallRecordSchema.Columns; wait and talk seconds are derived from the times, so they are not read back.
    private static CallRecord Read(SqliteDataReader row) => new(new CallId(row.GetString(0)))
    {
        QueueId = row.IsDBNull(1) ? null : new QueueId(row.GetString(1)),
        Caller = row.IsDBNull(2) ? null : row.GetString(2),
        Priority = row.GetInt32(3),
        AgentId = row.IsDBNull(4) ? null : new AgentId(row.GetString(4)),
        ArrivedAt = ParseTime(row, 5),
        AnsweredAt = ParseTime(row, 6),
        EndedAt = ParseTime(row, 7),
        FailedOffers = row.GetInt32(10),
        Disposition = row.IsDBNull(11) ? null : Enum.Parse<CallDisposition>(row.GetString(11)),
    };

    private static DateTimeOffset? ParseTime(SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : DateTimeOffset.Parse(row.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string? Format(DateTimeOffset? time) => time?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
