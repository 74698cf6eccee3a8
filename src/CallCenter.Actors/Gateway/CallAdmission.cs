using Akka.Actor;
using CallCenter.Sip.Transactions;

namespace CallCenter.Actors.Gateway;

/// <summary>
/// The gateway's overload guard: a bound on calls whose INVITE has had no answer yet but 100 Trying.
/// </summary>
/// <remarks>
/// Until its first real answer (180 or 200 once the call is opened and queued, or an error) a call costs the node work
/// that has not reached the caller. When calls come faster than the node opens them, that backlog grows and every
/// caller waits longer (at twice its rate the node answered after 12 s, and SIPp phones gave up on calls meanwhile).
/// Bounding it keeps the set-up time of the calls taken near the node's own, and turns the rest away at once with 503
/// and Retry-After (RFC 3261 §21.5.4), which a caller's proxy can try elsewhere. Calls already answered (waiting in a
/// queue, or talking) do not count: waiting is what a call center is for.
/// </remarks>
internal sealed class CallAdmission(int? maxPending)
{
    private readonly Dictionary<TransactionKey, IActorRef> _pending = [];

    public int Pending => _pending.Count;

    public long Refused { get; private set; }

    /// <summary>Whether a new call may start now; counts a refusal otherwise.</summary>
    public bool TryAdmit()
    {
        if (maxPending is { } max && _pending.Count >= max)
        {
            Refused++;
            return false;
        }

        return true;
    }

    public void Started(TransactionKey invite, IActorRef legs) => _pending[invite] = legs;

    public void Answered(TransactionKey transaction, int status)
    {
        if (status > 100)
        {
            _pending.Remove(transaction);
        }
    }

    public void Stopped(IActorRef legs)
    {
        foreach (var (invite, owner) in _pending)
        {
            if (owner.Equals(legs))
            {
                _pending.Remove(invite);
                return;
            }
        }
    }
}
