using System.Data.Common;
using CallCenter.Domain;

namespace CallCenter.Actors.Projections;

/// <summary>
/// What the SQL call-record stores share: tables created on first use, and the run of every operation. A batch folds the
/// events over their stored records (<see cref="CallRecordBatch"/>) first, then in one transaction takes the stored
/// offset (each database guards it its own way; folds again if it moved), writes the changed records, then the new offset. A database supplies its connection,
/// its transaction and its commands; this class executes them.
/// </summary>
public abstract class SqlCallRecordStore<TConnection, TTransaction> : ICallRecordStore
    where TConnection : DbConnection
    where TTransaction : DbTransaction
{
    private volatile bool _created;

    /// <param name="connectionString">The database's connection string.</param>
    /// <param name="clock">Stamps the offset row's updated_at; the system clock when null.</param>
    private protected SqlCallRecordStore(string connectionString, TimeProvider? clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ConnectionString = connectionString;
        Clock = clock ?? TimeProvider.System;
    }

    public string ConnectionString { get; }

    private protected TimeProvider Clock { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await CreateTablesAsync(cancellationToken);
        _created = true;
    }

    public async Task<long> ReadOffsetAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = ReadOffsetCommand(connection, null);
        return await ReadOffsetAsync(command, cancellationToken);
    }

    public async Task<CallRecordsProjected> ApplyAsync(
        IReadOnlyList<ProjectedCallEvent> events, long throughOffset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using var connection = await OpenAsync(cancellationToken);

        // Read and fold before the write lock: on SQLite the journal shares the file's one write lock, and a batch that
        // read its records while holding it stalled every journal commit meanwhile (the set-up time's tail).
        long read;
        await using (var offset = ReadOffsetCommand(connection, null))
        {
            read = await ReadOffsetAsync(offset, cancellationToken);
        }

        var folded = await CallRecordBatch.FoldAsync(events, read, id => FindAsync(connection, null, id, cancellationToken));

        await using var transaction = await BeginBatchAsync(connection, cancellationToken);
        var now = Clock.GetUtcNow();
        long stored;
        await using (var take = TakeOffsetCommand(connection, transaction, now))
        {
            stored = await ReadOffsetAsync(take, cancellationToken);
        }

        if (stored != read)
        {
            // Another writer committed meanwhile (another node's projection on PostgreSQL, or a restarted one): every
            // writer moves the offset with its records, so folding again under the guard sees what it wrote.
            folded = await CallRecordBatch.FoldAsync(events, stored, id => FindAsync(connection, transaction, id, cancellationToken));
        }

        var (changed, applied) = folded;
        foreach (var record in changed)
        {
            await using var upsert = UpsertCommand(connection, transaction, record);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        var newOffset = Math.Max(stored, throughOffset);
        if (newOffset != stored)
        {
            await using var write = WriteOffsetCommand(connection, transaction, newOffset, now);
            await write.ExecuteNonQueryAsync(cancellationToken);
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
        await using var command = ListCommand(connection, from, until);
        var records = new List<CallRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(Read(reader));
        }

        return records;
    }

    /// <summary>Creates the tables and indexes when missing (CREATE ... IF NOT EXISTS, so racing first calls are harmless).</summary>
    private protected abstract Task CreateTablesAsync(CancellationToken cancellationToken);

    private protected abstract Task<TConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    private protected abstract Task<TTransaction> BeginBatchAsync(TConnection connection, CancellationToken cancellationToken);

    /// <summary>Selects the stored offset for a batch, guarded so that no other writer moves it before the batch commits.</summary>
    private protected abstract DbCommand TakeOffsetCommand(TConnection connection, TTransaction transaction, DateTimeOffset now);

    private protected abstract DbCommand WriteOffsetCommand(TConnection connection, TTransaction transaction, long offset, DateTimeOffset now);

    /// <summary>Selects the <see cref="Read"/> columns of the records that arrived in [from, until), by arrival then id.</summary>
    private protected abstract DbCommand ListCommand(TConnection connection, DateTimeOffset? from, DateTimeOffset? until);

    private protected abstract DbCommand UpsertCommand(TConnection connection, TTransaction transaction, CallRecord record);

    /// <summary>A time column as the database stores it.</summary>
    private protected abstract DateTimeOffset? ReadTime(DbDataReader row, int ordinal);

    /// <summary>The stored offset, unguarded (no row: none).</summary>
    private protected DbCommand ReadOffsetCommand(TConnection connection, TTransaction? transaction) =>
        Command(connection, transaction, CallRecordSql.SelectOffset, ("projection", CallRecordBatch.ProjectionName));

    /// <summary>A command; parameters are named without a prefix, which both databases bind to their @name.</summary>
    private protected static DbCommand Command(
        TConnection connection, TTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private async Task<TConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await EnsureCreatedAsync(cancellationToken);
        }

        return await OpenConnectionAsync(cancellationToken);
    }

    private static async Task<long> ReadOffsetAsync(DbCommand command, CancellationToken cancellationToken) =>
        await command.ExecuteScalarAsync(cancellationToken) is long offset ? offset : 0;

    private async Task<CallRecord?> FindAsync(TConnection connection, TTransaction? transaction, CallId callId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, CallRecordSql.SelectOne, ("call_id", callId.Value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    // Column order is CallRecordSql.Columns; wait and talk seconds are derived from the times, so they are not read back.
    private CallRecord Read(DbDataReader row) => new(new CallId(row.GetString(0)))
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
}
