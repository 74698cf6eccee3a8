using CallCenter.Actors.Projections;
using CallCenter.Actors.Tests.Kit;
using Microsoft.Data.Sqlite;

namespace CallCenter.Actors.Tests.Projections;

/// <summary>The call_records table and its offset on a real SQLite file.</summary>
public sealed class SqliteCallRecordStoreSpec : CallRecordStoreContract, IDisposable
{
    private readonly TempDatabase _database;

    public SqliteCallRecordStoreSpec()
        : this(new TempDatabase())
    {
    }

    private SqliteCallRecordStoreSpec(TempDatabase database)
        : base(SqliteCallRecordStore.ForSqliteFile(database.Path))
    {
        _database = database;
    }

    public void Dispose() => _database.Dispose();

    protected override ICallRecordStore AnotherWriter() => SqliteCallRecordStore.ForSqliteFile(_database.Path);

    protected override async Task ResetAsync()
    {
        await using var connection = new SqliteConnection(SqliteCallRecordStore.ForSqliteFile(_database.Path).ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM call_records; DELETE FROM projection_offsets;";
        await command.ExecuteNonQueryAsync();
    }
}
