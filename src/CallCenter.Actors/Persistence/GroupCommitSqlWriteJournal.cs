using System.Collections.Immutable;
using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Sql.Journal;

namespace CallCenter.Actors.Persistence;

/// <summary>
/// Akka.Persistence.Sql's journal, committing the writes of many entities in one transaction.
/// </summary>
/// <remarks>
/// Every entity sends its own small write, and on a busy node most of the journal's time went on the fixed cost of a
/// transaction (a connection, BEGIN/COMMIT, building and parsing the INSERT) for one row. Here one group is stored at a
/// time: the writes that arrive while it commits gather, and are handed to the plugin as one write (one multi-row
/// INSERT in one transaction) as soon as it is done. So the group grows with the load and a write waits at most for the
/// commit ahead of it: a lone write on an idle node is stored at once. <c>group-commit.window</c> (0 by default) can
/// hold a group longer after the previous flush, trading latency for fewer transactions; a fixed 2 ms hold made every
/// write on a busy node wait 2–4 ms, and the four writes before an agent is rung 16 ms at the median.
/// Replies keep their order (AsyncWriteJournal resequences them) and each write keeps its own rejections. When a
/// group's transaction fails, its writes are tried again one by one, so one bad write (a duplicate sequence number
/// from a second writer of the same entity, say) fails only its own entity.
/// </remarks>
public sealed class GroupCommitSqlWriteJournal : SqlWriteJournal
{
    private readonly GroupCommitSettings _settings;
    private readonly NewEntities _newEntities;
    private readonly Dictionary<string, Task> _unfinished = new(StringComparer.Ordinal);
    private List<GroupedWrite> _gathering = [];
    private int _gatheringRows;

    // The writes gathering may go once their window has passed; a group is being stored (one at a time).
    private bool _flushDue;
    private bool _storing;
    private long _lastFlushTimestamp;

    public GroupCommitSqlWriteJournal(Config journalConfig)
        : base(journalConfig)
    {
        _settings = GroupCommitSettings.From(journalConfig);
        _newEntities = NewEntities.Get(Context.System);
    }

    protected override Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var write = new GroupedWrite(messages as IReadOnlyList<AtomicWrite> ?? messages.ToList());
        _gathering.Add(write);
        _gatheringRows += write.Rows;
        foreach (var persistenceId in write.PersistenceIds())
        {
            _unfinished[persistenceId] = write.Completion.Task;
        }

        write.Completion.Task.ContinueWith(
            static (_, state) =>
            {
                var (self, finished) = ((IActorRef, GroupedWrite))state!;
                self.Tell(new GroupWriteFinished(finished));
            },
            (Self, write),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        if (_gathering.Count == 1)
        {
            // The first write of a new group: its window starts now.
            ScheduleFlush();
        }

        if (_gatheringRows >= _settings.MaxRows)
        {
            _flushDue = true;
            FlushIfReady();
        }

        return write.Completion.Task;
    }

    public override async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        if (_newEntities.TryTakeUnwritten(persistenceId, fromSequenceNr))
        {
            return 0;
        }

        // A write still gathering here is not yet known to the plugin, whose own wait would miss it.
        if (_unfinished.TryGetValue(persistenceId, out var unfinished))
        {
            await unfinished.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }

        return await base.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken).ConfigureAwait(false);
    }

    protected override bool ReceivePluginInternal(object message)
    {
        switch (message)
        {
            case FlushGroup:
                _flushDue = _gathering.Count > 0;
                FlushIfReady();
                return true;
            case GroupStored:
                _storing = false;
                FlushIfReady();
                return true;
            case WriteEachAlone alone:
                WriteAlone(alone.Writes);
                return true;
            case GroupWriteFinished finished:
                foreach (var persistenceId in finished.Write.PersistenceIds())
                {
                    if (_unfinished.TryGetValue(persistenceId, out var latest) && latest == finished.Write.Completion.Task)
                    {
                        _unfinished.Remove(persistenceId);
                    }
                }

                return true;
            default:
                return base.ReceivePluginInternal(message);
        }
    }

    private void ScheduleFlush()
    {
        var busy = _lastFlushTimestamp != 0 && Stopwatch.GetElapsedTime(_lastFlushTimestamp) < _settings.Window;
        if (busy)
        {
            var self = Self;
            Task.Delay(_settings.Window).ContinueWith(
                _ => self.Tell(FlushGroup.Instance),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        else
        {
            // Still gathers the writes already in the mailbox behind this one.
            Self.Tell(FlushGroup.Instance);
        }
    }

    private void FlushIfReady()
    {
        if (_gathering.Count > 0 && _flushDue && !_storing)
        {
            Flush();
        }
    }

    // At most max-rows rows (and at least one write) per transaction: what gathered behind a slow commit goes in
    // bounded transactions, so no one holds SQLite's write lock for long. The rest stays due and goes next.
    private void Flush()
    {
        _storing = true;
        _lastFlushTimestamp = Stopwatch.GetTimestamp();
        var group = TakeGroup();
        _flushDue = _gathering.Count > 0;

        var stored = Store(group.Count == 1 ? group[0].Writes : group.SelectMany(w => w.Writes).ToList());

        var self = Self;
        stored.ContinueWith(
            task =>
            {
                if (task.IsCompletedSuccessfully || group.Count == 1)
                {
                    GroupedWrite.Complete(group, task);
                    self.Tell(GroupStored.Instance);
                }
                else
                {
                    self.Tell(new WriteEachAlone(new Queue<GroupedWrite>(group)));
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private List<GroupedWrite> TakeGroup()
    {
        if (_gatheringRows <= _settings.MaxRows)
        {
            var all = _gathering;
            _gathering = [];
            _gatheringRows = 0;
            return all;
        }

        var count = 0;
        var rows = 0;
        while (count < _gathering.Count && (count == 0 || rows + _gathering[count].Rows <= _settings.MaxRows))
        {
            rows += _gathering[count].Rows;
            count++;
        }

        var group = _gathering.GetRange(0, count);
        _gathering.RemoveRange(0, count);
        _gatheringRows -= rows;
        return group;
    }

    // One at a time: writes handed to the plugin together would be merged into one transaction again.
    private void WriteAlone(Queue<GroupedWrite> writes)
    {
        var write = writes.Dequeue();
        var stored = Store(write.Writes);

        var self = Self;
        stored.ContinueWith(
            task =>
            {
                GroupedWrite.Complete([write], task);
                self.Tell(writes.Count > 0 ? new WriteEachAlone(writes) : GroupStored.Instance);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    // The plugin's write, with a synchronous throw turned into a failed task like any other failure.
    private Task<IImmutableList<Exception>> Store(IReadOnlyList<AtomicWrite> writes)
    {
        try
        {
            return base.WriteMessagesAsync(writes, CancellationToken.None);
        }
        catch (Exception e)
        {
            return Task.FromException<IImmutableList<Exception>>(e);
        }
    }

    private sealed class FlushGroup
    {
        public static readonly FlushGroup Instance = new();
    }

    private sealed class GroupStored
    {
        public static readonly GroupStored Instance = new();
    }

    private sealed record GroupWriteFinished(GroupedWrite Write);

    private sealed record WriteEachAlone(Queue<GroupedWrite> Writes);
}
