namespace CallCenter.Sip.Transactions;

/// <summary>One timer of one transaction: the key a scheduler (or an Akka IWithTimers) files it under.</summary>
public sealed record TransactionTimerKey(TransactionKey Transaction, TransactionTimer Timer)
{
    public override string ToString() => $"{Transaction}#{Timer}";
}

/// <summary>
/// Single-shot timers for the transaction layer. An Akka actor implements it with IWithTimers: Schedule becomes
/// StartSingleTimer(key, message carrying the callback, delay), and the actor runs the callback when the message arrives.
/// </summary>
public interface ITransactionTimerScheduler
{
    /// <summary>Runs <paramref name="callback"/> once after <paramref name="delay"/>; replaces a pending timer with the same key.</summary>
    void Schedule(TransactionTimerKey key, TimeSpan delay, Action callback);

    /// <summary>Cancels the pending timer with this key, if any.</summary>
    void Cancel(TransactionTimerKey key);
}
