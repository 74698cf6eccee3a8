using CallCenter.Actors.Projections;
using CallCenter.Actors.Tests.Kit;
using Npgsql;

namespace CallCenter.Actors.Tests.Projections;

/// <summary>The call_records table and its offset on a real PostgreSQL server, in a schema made for each test, where
/// every node of a cluster projects into the same table.</summary>
public sealed class PostgreSqlCallRecordStoreSpec : CallRecordStoreContract, IDisposable
{
    private readonly TempPostgreSqlSchema _schema;

    public PostgreSqlCallRecordStoreSpec()
        : this(new TempPostgreSqlSchema())
    {
    }

    private PostgreSqlCallRecordStoreSpec(TempPostgreSqlSchema schema)
        : base(new PostgreSqlCallRecordStore(schema.ConnectionString))
    {
        _schema = schema;
    }

    [Fact]
    public async Task Store_should_resume_after_a_restart_without_doubling_or_missing_a_call()
    {
        var first = new PostgreSqlCallRecordStore(_schema.ConnectionString);
        await first.ApplyAsync(Journal.Take(7).ToList(), 7);

        // A new process: the batch it was writing when the old one died comes again, overlapping what was committed.
        var restarted = new PostgreSqlCallRecordStore(_schema.ConnectionString);
        var offset = await restarted.ReadOffsetAsync();
        var redelivered = await restarted.ApplyAsync(Journal.Skip(4).ToList(), Journal.Count);

        Assert.Equal(7, offset);
        Assert.Equal(new CallRecordsProjected(7, Journal.Count, Journal.Count - 7, 3), redelivered);
        Assert.Equal(Expected(Journal), await restarted.ListAsync());
    }

    public void Dispose() => _schema.Dispose();

    protected override ICallRecordStore AnotherWriter() => new PostgreSqlCallRecordStore(_schema.ConnectionString);

    protected override async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(_schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DELETE FROM call_records; DELETE FROM projection_offsets;", connection);
        await command.ExecuteNonQueryAsync();
    }
}
