using Akka.Configuration;
using Akka.TestKit;
using CallCenter.Actors.Persistence;
using Xunit.Abstractions;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>A TestKit on virtual time (TestScheduler) with the node's in-memory journal and Akka's in-memory snapshot store.</summary>
public abstract class ActorSpec : Akka.TestKit.Xunit2.TestKit
{
    public const string VirtualTime = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        """;

    public static readonly string InMemoryPersistence = $"""
        {ThroughputMemoryJournal.Hocon(typeof(ThroughputMemoryJournal))}
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        """;

    public const string Logging = """
        akka.loglevel = WARNING
        akka.test.single-expect-default = 5s
        """;

    protected ActorSpec(ITestOutputHelper output, string? hocon = null)
        : base(ConfigurationFactory.ParseString(hocon ?? $"{VirtualTime}\n{InMemoryPersistence}\n{Logging}"), output: output)
    {
        Clock = new SchedulerClock(Sys.Scheduler);
    }

    protected TimeProvider Clock { get; }

    protected TestScheduler VirtualScheduler => (TestScheduler)Sys.Scheduler;

    /// <summary>Moves virtual time on; timers due by then fire.</summary>
    protected void Advance(TimeSpan by) => VirtualScheduler.Advance(by);
}
