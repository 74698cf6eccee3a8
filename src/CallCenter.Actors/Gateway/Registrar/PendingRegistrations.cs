using CallCenter.Domain;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;

namespace CallCenter.Actors.Gateway.Registrar;

/// <summary>The REGISTERs waiting for their agent's entity to confirm the new binding, oldest first.</summary>
internal sealed class PendingRegistrations
{
    private readonly List<Pending> _pending = [];

    public void Add(Pending pending) => _pending.Add(pending);

    /// <summary>Removes and returns the oldest REGISTER of <paramref name="agentId"/>, or null when none waits.</summary>
    public Pending? TakeOldest(AgentId agentId) => TakeAt(_pending.FindIndex(p => p.AgentId == agentId));

    /// <summary>Removes and returns the REGISTER of <paramref name="transaction"/>, or null when it was answered already.</summary>
    public Pending? Take(TransactionKey transaction) => TakeAt(_pending.FindIndex(p => p.Transaction.Equals(transaction)));

    private Pending? TakeAt(int index)
    {
        if (index < 0)
        {
            return null;
        }

        var pending = _pending[index];
        _pending.RemoveAt(index);
        return pending;
    }

    /// <param name="Transaction">The REGISTER's server transaction.</param>
    /// <param name="AgentId">Whose entity must confirm.</param>
    /// <param name="Request">The REGISTER, to answer 503 if the entity never confirms.</param>
    /// <param name="Answer">The 200 OK to send once the entity confirms.</param>
    /// <param name="Before">The agent's bindings before this REGISTER, restored if the entity never confirms.</param>
    /// <param name="Applied">The bindings this REGISTER made.</param>
    public sealed record Pending(
        TransactionKey Transaction, AgentId AgentId, SipRequest Request, SipResponse Answer, AgentBindings Before, AgentBindings Applied);
}
