using Akka.Actor;
using CallCenter.Sip.Transactions;

namespace CallCenter.Actors.Gateway;

/// <summary>The transaction layer's timers as the gateway's own <see cref="ITimerScheduler"/>: a due timer is a message,
/// so its callback runs on the actor's thread like everything else that touches the layer.</summary>
/// <remarks>Only call it from the owning actor (the layer performs its effects on the thread that called it, which is
/// always the gateway's).</remarks>
internal sealed class ActorTimerScheduler(ITimerScheduler timers) : ITransactionTimerScheduler
{
    public void Schedule(TransactionTimerKey key, TimeSpan delay, Action callback) =>
        timers.StartSingleTimer(key, new Due(callback), delay);

    public void Cancel(TransactionTimerKey key) => timers.Cancel(key);

    /// <summary>A transaction timer fired: run <see cref="Callback"/> (the layer ignores stale ones by generation).</summary>
    internal sealed record Due(Action Callback) : INotInfluenceReceiveTimeout;
}
