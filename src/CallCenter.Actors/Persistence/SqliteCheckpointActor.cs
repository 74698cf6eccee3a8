using Akka.Actor;
using Akka.Event;

namespace CallCenter.Actors.Persistence;

/// <summary>
/// Copies the SQLite write-ahead log into the database file in the background, off the journal's commits.
/// </summary>
/// <remarks>
/// SQLite checkpoints inside whichever commit crosses <c>wal_autocheckpoint</c>: that commit copies the log and waits for
/// the disk, and every journal write queued behind it waits too. A passive checkpoint from here takes no writer lock,
/// so commits go on meanwhile; the plugin connections keep a high auto-checkpoint only as a backstop
/// (<see cref="SqliteDurabilitySetup"/>) should this actor fall behind.
/// </remarks>
public sealed class SqliteCheckpointActor : ReceiveActor, IWithTimers
{
    private readonly string _connectionString;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private bool _running;
    private bool _failing;

    public SqliteCheckpointActor(string connectionString, TimeSpan interval)
    {
        _connectionString = connectionString;
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

    public static Props Props(string connectionString, TimeSpan interval) =>
        Akka.Actor.Props.Create(() => new SqliteCheckpointActor(connectionString, interval));

    protected override void PreStart() => Timers.StartPeriodicTimer(nameof(Tick), Tick.Instance, Interval);

    private void Start()
    {
        if (_running)
        {
            return;
        }

        _running = true;
        CheckpointAsync(_connectionString).PipeTo(Self);
    }

    private static async Task<SqliteCheckpointed> CheckpointAsync(string connectionString)
    {
        await using var connection = await SqliteConnections.OpenAsync(connectionString, CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new SqliteCheckpointed(LogFrames: reader.GetInt32(1), CheckpointedFrames: reader.GetInt32(2));
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}

/// <summary>A background checkpoint ran: the log's frames, and how many of them are now in the database file.</summary>
public sealed record SqliteCheckpointed(int LogFrames, int CheckpointedFrames);
