using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>A TU that records every call; <see cref="OnRequestReply"/> lets a spec answer from inside the callback.</summary>
internal sealed class RecordingUser : ISipTransactionUser
{
    private readonly object _gate = new();

    public List<IncomingRequest> Requests { get; } = [];

    public List<(ClientTransactionKey Transaction, SipResponse Response)> Responses { get; } = [];

    public List<(TransactionKey Transaction, TransactionTimer Timer)> Timeouts { get; } = [];

    public List<TransactionKey> TransportErrors { get; } = [];

    public List<(TransactionKey Invite, SipRequest Cancel)> Cancelled { get; } = [];

    public Action<IncomingRequest>? OnRequestReply { get; set; }

    public void OnRequest(IncomingRequest request)
    {
        lock (_gate)
        {
            Requests.Add(request);
        }

        OnRequestReply?.Invoke(request);
    }

    public void OnResponse(ClientTransactionKey transaction, SipResponse response)
    {
        lock (_gate)
        {
            Responses.Add((transaction, response));
        }
    }

    public void OnTimeout(TransactionKey transaction, TransactionTimer timer)
    {
        lock (_gate)
        {
            Timeouts.Add((transaction, timer));
        }
    }

    public void OnTransportError(TransactionKey transaction)
    {
        lock (_gate)
        {
            TransportErrors.Add(transaction);
        }
    }

    public void OnCancelled(TransactionKey invite, SipRequest cancel)
    {
        lock (_gate)
        {
            Cancelled.Add((invite, cancel));
        }
    }
}
