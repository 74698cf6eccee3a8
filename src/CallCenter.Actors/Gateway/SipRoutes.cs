using System.Diagnostics.CodeAnalysis;
using Akka.Actor;
using CallCenter.Domain;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;

namespace CallCenter.Actors.Gateway;

/// <summary>The gateway's table of who owns what: transactions, SIP Call-IDs (dialogs) and calls, each owned by one
/// child actor until that child stops. Not thread-safe: the gateway's own state.</summary>
internal sealed class SipRoutes
{
    private readonly Dictionary<TransactionKey, IActorRef> _transactions = [];
    private readonly Dictionary<string, IActorRef> _sipCalls = new(StringComparer.Ordinal);
    private readonly Dictionary<CallId, IActorRef> _calls = [];
    private readonly Dictionary<IActorRef, Owned> _owned = [];

    /// <summary>Calls with a live legs actor.</summary>
    public int CallCount => _calls.Count;

    public void AddCall(CallId callId, IActorRef owner)
    {
        _calls[callId] = owner;
        For(owner).CallId = callId;
    }

    public void AddTransaction(TransactionKey key, IActorRef owner)
    {
        _transactions[key] = owner;
        For(owner).Transactions.Add(key);
    }

    public void AddSipCall(string sipCallId, IActorRef owner)
    {
        _sipCalls[sipCallId] = owner;
        For(owner).SipCalls.Add(sipCallId);
    }

    public bool TryGetCall(CallId callId, [NotNullWhen(true)] out IActorRef? owner) => _calls.TryGetValue(callId, out owner);

    public bool TryGetSipCall(string? sipCallId, [NotNullWhen(true)] out IActorRef? owner)
    {
        owner = null;
        return sipCallId is not null && _sipCalls.TryGetValue(sipCallId, out owner);
    }

    /// <summary>The owner of a transaction; a CANCEL we sent belongs to whoever owns its INVITE.</summary>
    public bool TryGetTransaction(TransactionKey key, [NotNullWhen(true)] out IActorRef? owner)
    {
        if (_transactions.TryGetValue(key, out owner))
        {
            return true;
        }

        return key is ClientTransactionKey { Method: SipMethods.Cancel } cancel
            && _transactions.TryGetValue(cancel with { Method = SipMethods.Invite }, out owner);
    }

    /// <summary>Forgets everything <paramref name="owner"/> owned; returns its call, if it had one.</summary>
    public CallId? Remove(IActorRef owner)
    {
        if (!_owned.Remove(owner, out var owned))
        {
            return null;
        }

        foreach (var key in owned.Transactions)
        {
            if (_transactions.TryGetValue(key, out var current) && current.Equals(owner))
            {
                _transactions.Remove(key);
            }
        }

        foreach (var sipCallId in owned.SipCalls)
        {
            if (_sipCalls.TryGetValue(sipCallId, out var current) && current.Equals(owner))
            {
                _sipCalls.Remove(sipCallId);
            }
        }

        if (owned.CallId is { } callId)
        {
            _calls.Remove(callId);
        }

        return owned.CallId;
    }

    private Owned For(IActorRef owner)
    {
        if (!_owned.TryGetValue(owner, out var owned))
        {
            owned = new Owned();
            _owned[owner] = owned;
        }

        return owned;
    }

    private sealed class Owned
    {
        public CallId? CallId { get; set; }

        public List<TransactionKey> Transactions { get; } = [];

        public HashSet<string> SipCalls { get; } = new(StringComparer.Ordinal);
    }
}
