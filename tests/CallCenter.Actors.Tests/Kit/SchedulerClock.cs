using Akka.Actor;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>A TimeProvider that reads the actor system's scheduler: with the TestScheduler, decisions and timers share one virtual time.</summary>
internal sealed class SchedulerClock(IScheduler scheduler) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => scheduler.Now;
}
