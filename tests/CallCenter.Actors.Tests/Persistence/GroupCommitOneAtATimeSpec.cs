using CallCenter.Actors.Persistence;
using CallCenter.Actors.Tests.Kit;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CallCenter.Actors.Tests.Persistence;

/// <summary>
/// The node's journal with no group-commit window, as shipped, on a real SQLite file: one transaction at a time, and
/// the writes that arrive while it commits follow it together, at most max-rows rows per transaction.
/// </summary>
public sealed class GroupCommitOneAtATimeSpec : SqliteSpec
{
    private const int MaxRows = 4;

    public GroupCommitOneAtATimeSpec(ITestOutputHelper output)
        : base(new TempDatabase($"{CallCenterPersistenceConfig.JournalPath}.group-commit.max-rows = {MaxRows}"), output)
    {
        Driver = new JournalDriver(Sys, () => CreateTestProbe(), Patience);
    }

    private JournalDriver Driver { get; }

    [Fact]
    public async Task Writes_arriving_while_a_transaction_waits_for_the_file_should_follow_it_in_transactions_of_at_most_max_rows()
    {
        await Driver.WriteAsync("warm-up", 1);

        // Another writer holds SQLite's one write lock, so the journal's next transaction waits in SQLite's busy wait.
        await using var other = new SqliteConnection(Database.Settings.ConnectionString());
        await other.OpenAsync();
        await Execute(other, "BEGIN IMMEDIATE;");
        var first = Driver.Send("first", 1);
        var writers = Enumerable.Range(1, 10).Select(i => $"entity-{i}").ToArray();
        var replies = new List<JournalWriteReply>();
        foreach (var writer in writers)
        {
            // Spaced as entities' writes arrive: the plugin left to itself would start a transaction for each of the
            // first three (it runs three at once) and hand it each later one as a write of its own.
            await Task.Delay(TimeSpan.FromMilliseconds(3));
            replies.Add(Driver.Send(writer, 1));
        }

        await Execute(other, "COMMIT;");

        await first.ExpectStoredAsync();
        foreach (var reply in replies)
        {
            await reply.ExpectStoredAsync();
        }

        // "first" alone, then the ten in three (4, 4, 2); a write the journal had not yet taken in when the lock went
        // may follow in one more. Left to the plugin: eleven transactions; without the bound: "first", then the ten.
        var transactions = await Driver.TransactionSizes(["first", .. writers]);
        Assert.InRange(transactions.Count, 3, 6);
        Assert.All(transactions, rows => Assert.InRange(rows, 1, MaxRows));
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
