using CallCenter.Actors.Projections;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CsCheck;
using static CallCenter.Actors.Tests.Kit.Scripts;
using static CallCenter.Domain.Calls.CallEvents;

namespace CallCenter.Actors.Tests.Projections;

/// <summary>What every call-record store does, on a real database: each implementation's spec derives from this one.</summary>
public abstract class CallRecordStoreContract
{
    protected static readonly CallId A = new("a");
    protected static readonly CallId B = new("b");
    protected static readonly CallId C = new("c");

    private readonly ICallRecordStore _store;

    /// <param name="store">A store on a database (file, schema) nobody has created tables in yet.</param>
    protected CallRecordStoreContract(ICallRecordStore store)
    {
        _store = store;
    }

    /// <summary>Three interleaved calls, offsets 1..n as the journal would number them.</summary>
    protected static IReadOnlyList<ProjectedCallEvent> Journal { get; } = Interleave(
        EventsOf(A, AnsweredCall(A, 0)), EventsOf(B, AbandonedCall(B, 2)), EventsOf(C, TimedOutCall(C, 4)));

    [Fact]
    public async Task Store_should_start_empty_at_offset_zero_even_before_anyone_created_it()
    {
        var reader = _store;

        Assert.Empty(await reader.ListAsync());
        Assert.Null(await reader.FindAsync(A));
        Assert.Equal(0, await reader.ReadOffsetAsync());
        await reader.EnsureCreatedAsync(); // idempotent
        Assert.Empty(await reader.ListAsync());
    }

    [Fact]
    public async Task Store_should_write_the_folded_records_and_the_offset_of_a_batch()
    {
        await _store.EnsureCreatedAsync();

        var result = await _store.ApplyAsync(Journal, Journal[^1].Offset);

        Assert.Equal(new CallRecordsProjected(0, Journal.Count, Journal.Count, 0), result);
        Assert.Equal(Journal.Count, await _store.ReadOffsetAsync());
        var records = await _store.ListAsync();
        Assert.Equal([A, B, C], records.Select(r => r.CallId));
        var answered = records[0];
        Assert.Equal((Sales, Alice, "sip:a@customers.test", 2), (answered.QueueId!.Value, answered.AgentId!.Value, answered.Caller, answered.Priority));
        Assert.Equal((15.0, 60.0, CallDisposition.Completed), (answered.WaitSeconds, answered.TalkSeconds, answered.Disposition));
        Assert.Equal((At(0), At(15), At(75)), (answered.ArrivedAt, answered.AnsweredAt, answered.EndedAt));
        Assert.Equal((30.0, (double?)null, CallDisposition.Abandoned), (records[1].WaitSeconds, records[1].TalkSeconds, records[1].Disposition));
        Assert.Equal((1, (AgentId?)null, CallDisposition.Timeout), (records[2].FailedOffers, records[2].AgentId, records[2].Disposition));
    }

    [Fact]
    public async Task Store_should_skip_events_it_has_already_projected()
    {
        await _store.EnsureCreatedAsync();
        await _store.ApplyAsync(Journal.Take(6).ToList(), 6);
        var before = await _store.ListAsync();

        var replay = await _store.ApplyAsync(Journal.Take(6).ToList(), 6);
        var overlap = await _store.ApplyAsync(Journal.Skip(4).ToList(), Journal.Count);

        Assert.Equal(new CallRecordsProjected(6, 6, 0, 6), replay);
        Assert.Equal(new CallRecordsProjected(6, Journal.Count, Journal.Count - 6, 2), overlap);
        Assert.Equal(Expected(Journal.Take(6)), before);
        Assert.Equal(Expected(Journal), await _store.ListAsync());
    }

    [Fact]
    public async Task Store_should_move_the_offset_past_a_batch_without_call_events()
    {
        await _store.EnsureCreatedAsync();

        var result = await _store.ApplyAsync([], 17);

        Assert.Equal(new CallRecordsProjected(0, 17, 0, 0), result);
        Assert.Equal(17, await _store.ReadOffsetAsync());
    }

    [Fact]
    public async Task Store_should_write_nothing_of_a_batch_that_fails_part_way()
    {
        await _store.EnsureCreatedAsync();
        var broken = Journal.Take(3).Append(new ProjectedCallEvent(4, new CallQueued(default, Sales, At(9)))).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => _store.ApplyAsync(broken, 4));

        Assert.Equal(0, await _store.ReadOffsetAsync());
        Assert.Empty(await _store.ListAsync());
    }

    [Fact]
    public async Task Store_should_list_the_calls_that_arrived_in_a_range()
    {
        await _store.EnsureCreatedAsync();
        await _store.ApplyAsync(Journal, Journal.Count);

        var middle = await _store.ListAsync(from: At(1), until: At(4));
        var fromB = await _store.ListAsync(from: At(2));

        Assert.Equal([B], middle.Select(r => r.CallId));
        Assert.Equal([B, C], fromB.Select(r => r.CallId));
    }

    [Fact]
    public async Task Store_should_reach_the_same_records_however_the_events_are_batched_and_redelivered()
    {
        await _store.EnsureCreatedAsync();
        var expected = Expected(Journal);

        // Batch sizes, and for each batch whether an earlier window is delivered again (a restart before the ack).
        var plans = Gen.Select(Gen.Int[1, 5], Gen.Int[0, 6]).Array[1, 12];
        await plans.SampleAsync(
            async plan =>
            {
                await ResetAsync();
                var position = 0;
                foreach (var (size, rewind) in plan)
                {
                    var start = Math.Max(0, position - rewind);
                    var end = Math.Min(Journal.Count, position + size);
                    var batch = Journal.Skip(start).Take(end - start).ToList();
                    await _store.ApplyAsync(batch, batch.Count == 0 ? 0 : batch[^1].Offset);
                    position = Math.Max(position, end);
                }

                await _store.ApplyAsync(Journal.Skip(position).ToList(), Journal.Count);

                Assert.Equal(expected, await _store.ListAsync());
                Assert.Equal(Journal.Count, await _store.ReadOffsetAsync());
            },
            iter: 40,
            threads: 1);
    }

    [Fact]
    public async Task Stores_writing_at_the_same_time_should_fold_every_event_exactly_once()
    {
        // Writers following the same journal at once, each in batches of its own size: several nodes on PostgreSQL, or
        // a restarted projection overlapping the one it replaces. A batch reads its records before it takes the
        // offset, so whoever committed meanwhile must be seen. Rounds, because the interleaving is up to the scheduler.
        await _store.EnsureCreatedAsync();
        for (var round = 0; round < 10; round++)
        {
            await ResetAsync();
            var writers = new[] { 1, 2, 5 }.Select(size => (Store: size == 1 ? _store : AnotherWriter(), Size: size)).ToList();

            var results = await Task.WhenAll(writers.Select(writer => Task.Run(async () =>
            {
                var projected = new List<CallRecordsProjected>();
                foreach (var batch in Journal.Chunk(writer.Size))
                {
                    projected.Add(await writer.Store.ApplyAsync(batch, batch[^1].Offset));
                }

                return projected;
            })));

            // Whoever held the offset applied an event; everyone after it skipped it.
            var all = results.SelectMany(r => r).ToList();
            Assert.Equal(Journal.Count, all.Sum(r => r.Applied));
            Assert.Equal(Journal.Count * writers.Count, all.Sum(r => r.Applied + r.Skipped));
            Assert.Equal(Expected(Journal), await _store.ListAsync());
            Assert.Equal(Journal.Count, await writers[2].Store.ReadOffsetAsync());
        }
    }

    /// <summary>Another store on the same database, as a second writer.</summary>
    protected abstract ICallRecordStore AnotherWriter();

    /// <summary>Empties the records and the offset (between samples of one spec).</summary>
    protected abstract Task ResetAsync();

    private static IReadOnlyList<ProjectedCallEvent> Interleave(params IReadOnlyList<ICallEvent>[] calls)
    {
        var events = new List<ICallEvent>();
        for (var i = 0; calls.Any(c => i < c.Count); i++)
        {
            events.AddRange(calls.Where(c => i < c.Count).Select(c => c[i]));
        }

        return events.Select((e, i) => new ProjectedCallEvent(i + 1, e)).ToList();
    }

    protected static List<CallRecord> Expected(IEnumerable<ProjectedCallEvent> journal) =>
        journal.GroupBy(e => e.Event.CallId)
            .Select(g => g.Aggregate(new CallRecord(g.Key), (r, e) => r.Apply(e.Event)))
            .OrderBy(r => r.ArrivedAt)
            .ToList();
}
