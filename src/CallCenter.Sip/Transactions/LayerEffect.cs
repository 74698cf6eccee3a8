using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Transactions;

/// <summary>A side effect the layer decided under its lock and performs after releasing it, in order.</summary>
internal abstract record LayerEffect
{
    private LayerEffect()
    {
    }

    public sealed record Send(SipMessage Message, SipEndPoint Destination) : LayerEffect;

    public sealed record SendEncoded(EncodedSipMessage Message, SipEndPoint Destination) : LayerEffect;

    public sealed record Schedule(TransactionTimerKey Key, TimeSpan Delay, Action Callback) : LayerEffect;

    public sealed record Cancel(TransactionTimerKey Key) : LayerEffect;

    public sealed record Notify(Action<ISipTransactionUser> Call) : LayerEffect;
}
