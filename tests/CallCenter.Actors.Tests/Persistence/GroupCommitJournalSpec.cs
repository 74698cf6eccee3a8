using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using CallCenter.Actors.Persistence;
using CallCenter.Actors.Tests.Kit;
using Xunit.Abstractions;

namespace CallCenter.Actors.Tests.Persistence;

/// <summary>
/// The node's journal on a real SQLite file, spoken to with the journal protocol itself: writes of different entities
/// share a transaction, yet each keeps its own outcome, order and recovery.
/// </summary>
public sealed class GroupCommitJournalSpec : SqliteSpec
{
    // The longest window, so that writes a test sends one after another land in one group even on a slow machine.
    private const string LongWindow = $"{CallCenterPersistenceConfig.JournalPath}.group-commit.window = 100ms";

    public GroupCommitJournalSpec(ITestOutputHelper output)
        : base(new TempDatabase(LongWindow), output)
    {
        Driver = new JournalDriver(Sys, () => CreateTestProbe(), Patience);
    }

    private JournalDriver Driver { get; }

    private IActorRef Journal => Driver.Journal;

    [Fact]
    public async Task Writes_of_many_entities_arriving_apart_should_share_one_transaction()
    {
        await Driver.WriteAsync("warm-up", 1);

        // Spaced so that the plugin alone, idle between them, would store each in its own transaction.
        var writers = Enumerable.Range(1, 10).Select(i => $"entity-{i}").ToArray();
        var replies = new List<JournalWriteReply>();
        foreach (var writer in writers)
        {
            replies.Add(Driver.Send(writer, 1));
            await Task.Delay(TimeSpan.FromMilliseconds(3));
        }

        foreach (var reply in replies)
        {
            await reply.ExpectStoredAsync();
        }

        // A machine stalling past the window may split the group once or twice.
        Assert.InRange((await Driver.TransactionSizes(writers)).Count, 1, 3);
    }

    [Fact]
    public async Task A_write_that_breaks_the_transaction_should_fail_alone_and_the_others_in_its_group_be_stored()
    {
        await Driver.WriteAsync("taken", 1);

        // Wrongly claimed new, "taken" writes sequence number 1 again: the journal's unique key refuses it.
        NewEntities.Get(Sys).Add("taken");
        var recovered = CreateTestProbe();
        Journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, "taken", recovered.Ref));
        Assert.Equal(0, (await recovered.ExpectMsgAsync<RecoverySuccess>()).HighestSequenceNr);
        var before = Driver.Send("before", 1);
        var duplicate = Driver.Send("taken", 1);
        var after = Driver.Send("after", 1);

        await before.ExpectStoredAsync();
        await duplicate.ExpectFailedAsync();
        await after.ExpectStoredAsync();
        Assert.Single(await Driver.EventsOf("before"));
        Assert.Single(await Driver.EventsOf("after"));
        Assert.Equal(["taken-1"], (await Driver.EventsOf("taken")).Select(e => (string)e.Event));
    }

    [Fact]
    public async Task Recovery_should_see_a_write_that_is_still_waiting_for_its_group()
    {
        await Driver.WriteAsync("warm-up", 1);
        var written = Driver.Send("late", 1, 2, 3);

        var recovered = CreateTestProbe();
        Journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, "late", recovered.Ref));

        await written.ExpectStoredAsync();
        var replayed = new List<long>();
        await recovered.FishForMessageAsync(m =>
        {
            if (m is ReplayedMessage r)
            {
                replayed.Add(r.Persistent.SequenceNr);
            }

            return m is RecoverySuccess;
        });
        Assert.Equal([1L, 2L, 3L], replayed);
    }

    [Theory]
    [InlineData("window = 1s", "group-commit.window must be between 0 and 100 ms; it is 1000 ms.")]
    [InlineData("max-rows = 0", "group-commit.max-rows must be at least 1; it is 0.")]
    public void Settings_out_of_range_should_be_refused_with_a_message_naming_the_setting(string setting, string message)
    {
        var config = ConfigurationFactory.ParseString($"group-commit.{setting}");

        var refused = Assert.Throws<ConfigurationException>(() => GroupCommitSettings.From(config));

        Assert.Equal(message, refused.Message);
    }
}
