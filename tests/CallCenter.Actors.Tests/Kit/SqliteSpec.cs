using Akka.Actor;
using Xunit.Abstractions;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>
/// A TestKit whose <c>Sys</c> persists to a fresh SQLite file; <see cref="StartSecondSystem"/> plays the restarted process
/// on the same file. The file is deleted after every system has stopped.
/// </summary>
public abstract class SqliteSpec : Akka.TestKit.Xunit2.TestKit
{
    private readonly List<ActorSystem> _others = [];

    protected SqliteSpec(TempDatabase database, ITestOutputHelper output)
        : base(database.Config, output: output)
    {
        Database = database;
    }

    protected TempDatabase Database { get; }

    protected static TimeSpan Patience { get; } = TimeSpan.FromSeconds(15);

    protected ActorSystem StartSecondSystem()
    {
        var system = ActorSystem.Create($"{Sys.Name}-restarted", Database.Config);
        _others.Add(system);
        return system;
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var system in _others)
        {
            Shutdown(system, verifySystemShutdown: false);
        }

        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }
}
