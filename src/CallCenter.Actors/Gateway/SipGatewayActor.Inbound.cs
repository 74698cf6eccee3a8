using Akka.Actor;
using Akka.Event;
using CallCenter.Sip.Transport;

namespace CallCenter.Actors.Gateway;

// The transport's inbound channel, read on the gateway's thread in batches, and its notices in the log.
public sealed partial class SipGatewayActor
{
    /// <summary>Messages handled per inbound batch before other mail gets a turn.</summary>
    private const int InboundBatch = 64;

    private void WaitForInbound()
    {
        var transport = _transport!;
        transport.Incoming.WaitToReadAsync(_stopping.Token).AsTask().PipeTo(
            Self, success: more => more ? InboundReady.Instance : InboundClosed.Instance, failure: _ => InboundClosed.Instance);
    }

    private void DrainInbound()
    {
        ReadWaitingInbound();
        if (_transport!.Incoming.TryPeek(out _))
        {
            Self.Tell(InboundReady.Instance);
            return;
        }

        WaitForInbound();
    }

    /// <summary>
    /// Handles what already arrived before a transaction timer runs: on a starved CPU the timer's message can be queued
    /// ahead of the "ready" signal for a response sitting in the channel, and timer A would then retransmit an INVITE
    /// that was answered (a UAS like SIPp may drop the call over it), or timer B give up on an answered request. The
    /// pending wait (or queued ready signal) stays as it is: it finds the channel emptier, never a second reader.
    /// </summary>
    private void ReadWaitingInbound()
    {
        var reader = _transport!.Incoming;
        for (var i = 0; i < InboundBatch && reader.TryRead(out var received); i++)
        {
            Layer.OnReceived(received);
        }
    }

    private sealed record InboundReady
    {
        public static InboundReady Instance { get; } = new();
    }

    private sealed record InboundClosed
    {
        public static InboundClosed Instance { get; } = new();
    }

    /// <summary>The transport's notices in the gateway's log (called on socket threads; the adapter is thread-safe).</summary>
    private sealed class TransportLog(ILoggingAdapter log) : ISipTransportObserver
    {
        public void OnNotice(SipTransportNotice notice)
        {
            if (notice.Kind is SipTransportNoticeKind.SendFailed or SipTransportNoticeKind.SocketError)
            {
                log.Warning("SIP transport: {Notice}", notice);
            }
            else
            {
                log.Debug("SIP transport: {Notice}", notice);
            }
        }
    }
}
