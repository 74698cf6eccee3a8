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

    /// <summary>Akka.Persistence.TestKit's journal, whose writes a spec can fail, reject or hold back.</summary>
    public const string TestJournalPersistence = """
        akka.persistence.journal.plugin = "akka.persistence.journal.test"
        akka.persistence.journal.test {
          class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit"
          plugin-dispatcher = "akka.actor.default-dispatcher"
        }
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

    /// <summary>The journal of a spec started with <see cref="TestJournalPersistence"/>.</summary>
    protected Akka.Persistence.TestKit.ITestJournal TestJournal =>
        Akka.Persistence.TestKit.TestJournal.FromRef(Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null));

    protected TestScheduler VirtualScheduler => (TestScheduler)Sys.Scheduler;

    /// <summary>Moves virtual time on; timers due by then fire.</summary>
    protected void Advance(TimeSpan by) => VirtualScheduler.Advance(by);
}
