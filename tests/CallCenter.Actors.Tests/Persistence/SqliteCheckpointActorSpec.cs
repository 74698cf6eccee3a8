using CallCenter.Actors.Persistence;
using CallCenter.Actors.Tests.Kit;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CallCenter.Actors.Tests.Persistence;

/// <summary>The background checkpoint copies a real SQLite file's write-ahead log into the database file.</summary>
public sealed class SqliteCheckpointActorSpec(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Checkpoint_should_copy_every_logged_frame_into_the_database_file()
    {
        var connectionString = _database.Settings.ConnectionString();

        // The writer stays open until the checkpoint is seen: the last connection to close checkpoints the log itself
        // (and another spec clearing the connection pools would close a pooled one), leaving nothing to checkpoint.
        await using var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync();
        await Execute(writer, "PRAGMA wal_autocheckpoint = 0; CREATE TABLE rows (n INTEGER); ");
        for (var i = 0; i < 50; i++)
        {
            await Execute(writer, $"INSERT INTO rows VALUES ({i});");
        }

        Sys.EventStream.Subscribe(TestActor, typeof(SqliteCheckpointed));
        Sys.ActorOf(SqliteCheckpointActor.Props(connectionString, TimeSpan.FromMilliseconds(50)));

        var done = await ExpectMsgAsync<SqliteCheckpointed>(TimeSpan.FromSeconds(10));
        Assert.True(done.LogFrames > 0);
        Assert.Equal(done.LogFrames, done.CheckpointedFrames);
    }

    [Fact]
    public async Task A_log_past_the_restart_threshold_should_be_restarted_so_the_next_commit_writes_at_its_head()
    {
        var connectionString = _database.Settings.ConnectionString();
        await using var writer = await OpenWriterWithRows(connectionString, rows: 50);
        Sys.EventStream.Subscribe(TestActor, typeof(SqliteCheckpointed));
        Sys.ActorOf(SqliteCheckpointActor.Props(connectionString, TimeSpan.FromMilliseconds(50), restartFrames: 20));

        var restarted = await FishForMessageAsync<SqliteCheckpointed>(c => c.Restarted, TimeSpan.FromSeconds(10));
        Assert.True(restarted.LogFrames >= 50);
        await Execute(writer, "INSERT INTO rows VALUES (-1);");

        // A log that was not restarted would still count the 50 commits' frames ahead of this one.
        await using var checkpoint = writer.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var result = await checkpoint.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        Assert.InRange(result.GetInt32(1), 1, 5);
    }

    [Fact]
    public async Task A_reader_in_the_log_should_make_the_restart_give_up_and_leave_writers_writing()
    {
        var connectionString = _database.Settings.ConnectionString();
        await using var writer = await OpenWriterWithRows(connectionString, rows: 50);
        await using var reader = new SqliteConnection(connectionString);
        await reader.OpenAsync();
        await Execute(reader, "BEGIN; SELECT COUNT(*) FROM rows;");
        await Execute(writer, "INSERT INTO rows VALUES (-1);");

        Sys.EventStream.Subscribe(TestActor, typeof(SqliteCheckpointed));
        Sys.ActorOf(SqliteCheckpointActor.Props(connectionString, TimeSpan.FromMilliseconds(50), restartFrames: 20));

        var done = await ExpectMsgAsync<SqliteCheckpointed>(TimeSpan.FromSeconds(10));
        Assert.False(done.Restarted);
        await Execute(writer, "INSERT INTO rows VALUES (-2);");
        await Execute(reader, "COMMIT;");
    }

    [Fact]
    public void Settings_should_refuse_a_checkpoint_interval_that_is_not_positive()
    {
        var settings = PersistenceSettings.Sqlite("x.db") with { SqliteCheckpointInterval = TimeSpan.Zero };

        Assert.Equal("the SQLite checkpoint interval must be positive", settings.Validate());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }

    // The writer stays open (see the first spec) and leaves checkpoints to the actor.
    private static async Task<SqliteConnection> OpenWriterWithRows(string connectionString, int rows)
    {
        var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync();
        await Execute(writer, "PRAGMA wal_autocheckpoint = 0; CREATE TABLE rows (n INTEGER); ");
        for (var i = 0; i < rows; i++)
        {
            await Execute(writer, $"INSERT INTO rows VALUES ({i});");
        }

        return writer;
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
