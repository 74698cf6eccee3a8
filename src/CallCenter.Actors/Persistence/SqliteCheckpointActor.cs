using Akka.Actor;
using Akka.Event;
using Microsoft.Data.Sqlite;

namespace CallCenter.Actors.Persistence;

/// <summary>
/// Copies the SQLite write-ahead log into the database file in the background, off the journal's commits.
/// </summary>
/// <remarks>
/// <para>SQLite checkpoints inside whichever commit crosses <c>wal_autocheckpoint</c>: that commit copies the log and
/// waits for the disk, and every journal write queued behind it waits too. A passive checkpoint from here takes no
/// writer lock, so commits go on meanwhile.</para>
/// <para>A passive checkpoint never rewinds the log, though: the next writer starts again at the log's head only when a
/// checkpoint finished with no commit in between, which under steady traffic does not happen. The log then grew past
/// the commits' auto-checkpoint and a commit every ~350 ms checkpointed (and waited for the disk) itself: 25–40 ms
/// stalls, the whole p99 of the journal's writes at 500 calls/s. So once the log holds
/// <see cref="DefaultRestartFrames"/> frames this actor also asks for a restart checkpoint, which holds writers off
/// only for the few frames the passive one left and for readers to leave the log, and gives up after
/// <see cref="RestartPatience"/> (a long reader) to try again next time. The plugin connections keep a higher
/// auto-checkpoint as a backstop (<see cref="SqliteDurabilitySetup"/>) should this actor fail.</para>
/// </remarks>
public sealed class SqliteCheckpointActor : ReceiveActor, IWithTimers
{
    private readonly string _connectionString;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private bool _running;
    private bool _failing;

    /// <summary>About 32 MiB of log in 4 KiB pages. The journal commits write ~28,000 pages a second at 500 calls/s
    /// (every commit writes again each page it touched), so on a busy node the log is restarted at every tick.</summary>
    public const int DefaultRestartFrames = 8_192;

    /// <summary>How long a restart waits for a writer to finish or for readers to leave the log; writers wait behind it
    /// meanwhile.</summary>
    public static readonly TimeSpan RestartPatience = TimeSpan.FromMilliseconds(10);

    private readonly int _restartFrames;

    public SqliteCheckpointActor(string connectionString, TimeSpan interval, int restartFrames = DefaultRestartFrames)
    {
        _connectionString = connectionString;
        _restartFrames = restartFrames;
        Receive<Tick>(_ => Start());
        Receive<SqliteCheckpointed>(done =>
        {
            _running = false;
            _failing = false;
            Context.System.EventStream.Publish(done);
        });
        Receive<Status.Failure>(failure =>
        {
            _running = false;
            if (!_failing)
            {
                // Once per run of failures: the next success clears it; the auto-checkpoint still bounds the log.
                _log.Warning(failure.Cause, "Background WAL checkpoint failed; commits checkpoint the log themselves meanwhile");
                _failing = true;
            }
        });
        Interval = interval;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private TimeSpan Interval { get; }

    public static Props Props(string connectionString, TimeSpan interval, int restartFrames = DefaultRestartFrames) =>
        Akka.Actor.Props.Create(() => new SqliteCheckpointActor(connectionString, interval, restartFrames));

    protected override void PreStart() => Timers.StartPeriodicTimer(nameof(Tick), Tick.Instance, Interval);

    private void Start()
    {
        if (_running)
        {
            return;
        }

        _running = true;
        CheckpointAsync(_connectionString, _restartFrames).PipeTo(Self);
    }

    private static async Task<SqliteCheckpointed> CheckpointAsync(string connectionString, int restartFrames)
    {
        await using var connection = await SqliteConnections.OpenAsync(connectionString, CancellationToken.None);
        var (_, logFrames, checkpointedFrames) = await RunAsync(connection, "PRAGMA wal_checkpoint(PASSIVE);");
        if (logFrames < restartFrames)
        {
            return new SqliteCheckpointed(logFrames, checkpointedFrames, Restarted: false);
        }

        await RunAsync(connection, $"PRAGMA busy_timeout = {(int)RestartPatience.TotalMilliseconds};");
        try
        {
            var (busy, _, _) = await RunAsync(connection, "PRAGMA wal_checkpoint(RESTART);");
            return new SqliteCheckpointed(logFrames, checkpointedFrames, Restarted: !busy);
        }
        finally
        {
            // The connection goes back to a pool the projection's writers also draw from.
            await RunAsync(connection, SqliteConnections.BusyTimeoutPragma(connectionString));
        }
    }

    // wal_checkpoint answers one row: busy (1 when it could not finish), frames in the log, frames checkpointed.
    private static async Task<(bool Busy, int LogFrames, int CheckpointedFrames)> RunAsync(SqliteConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() && reader.FieldCount == 3
            ? (reader.GetInt32(0) != 0, reader.GetInt32(1), reader.GetInt32(2))
            : (false, 0, 0);
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}

/// <summary>A background checkpoint ran: the log's frames, how many of them are now in the database file, and whether
/// the log was then restarted (the next commit writes at its head again).</summary>
public sealed record SqliteCheckpointed(int LogFrames, int CheckpointedFrames, bool Restarted);
