using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;

namespace CallCenter.Actors.Gateway;

/// <summary>
/// Finished calls the gateway still answers for (their legs actors are gone): a 2xx retransmitted by an agent's phone
/// whose ACK was lost is ACKed again, and requests on a finished Call-ID are refused as the legs would have (481, or
/// 482 for an INVITE without a To tag). A record is dropped after <c>sweepsToKeep</c> calls of <see cref="Sweep"/>.
/// </summary>
/// <remarks>The gateway's own state: called only from its thread. Every record lingers equally long, so expiry is a
/// queue in arrival order and a sweep looks only at its head.</remarks>
internal sealed class LingeringCalls(long sweepsToKeep)
{
    private readonly Dictionary<string, FinishedCall> _sipCalls = new(StringComparer.Ordinal);
    private readonly Dictionary<ClientTransactionKey, SipOutbound.SendAck> _acks = [];
    private readonly Queue<(long Expires, FinishedCall Call)> _expiry = new();
    private long _sweeps;

    public int Count => _expiry.Count;

    public void Add(FinishedCall call)
    {
        if (sweepsToKeep <= 0)
        {
            return;
        }

        foreach (var sipCallId in call.SipCallIds)
        {
            _sipCalls[sipCallId] = call;
        }

        foreach (var ack in call.Acks)
        {
            _acks[ack.Invite] = ack.Ack;
        }

        _expiry.Enqueue((_sweeps + sweepsToKeep, call));
    }

    /// <summary>The answer to a request on a finished call's Call-ID; null when the Call-ID is not one of them.</summary>
    public SipResponse? Refusal(SipRequest request)
    {
        if (request.CallId is not { } sipCallId || !_sipCalls.ContainsKey(sipCallId))
        {
            return null;
        }

        // The same Call-ID in a new INVITE is a loop or a copy with another branch (§8.2.2.2), not a new call.
        var merged = request.Method == SipMethods.Invite && request.To?.Tag is null;
        return SipResponse.For(request, merged ? 482 : 481);
    }

    /// <summary>The ACK to send again for a retransmitted 2xx to one of the finished calls' agent INVITEs.</summary>
    public SipOutbound.SendAck? AckAgain(ClientTransactionKey transaction, SipResponse response) =>
        response.IsSuccess && response.CSeq?.Method == SipMethods.Invite && _acks.TryGetValue(transaction, out var ack) ? ack : null;

    /// <summary>One sweep interval passed: forgets the calls whose linger is over.</summary>
    public void Sweep()
    {
        _sweeps++;
        while (_expiry.TryPeek(out var head) && head.Expires <= _sweeps)
        {
            _expiry.Dequeue();
            foreach (var sipCallId in head.Call.SipCallIds)
            {
                if (_sipCalls.TryGetValue(sipCallId, out var current) && ReferenceEquals(current, head.Call))
                {
                    _sipCalls.Remove(sipCallId);
                }
            }

            foreach (var ack in head.Call.Acks)
            {
                _acks.Remove(ack.Invite);
            }
        }
    }
}
