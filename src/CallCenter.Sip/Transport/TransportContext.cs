using System.Threading.Channels;

namespace CallCenter.Sip.Transport;

/// <summary>What every socket loop of one host shares: settings, counters, the queue up, the observer, shutdown.</summary>
internal sealed class TransportContext
{
    private readonly ChannelWriter<ReceivedMessage> _incoming;

    public TransportContext(SipTransportOptions options, ChannelWriter<ReceivedMessage> incoming, CancellationToken shutdown)
    {
        Options = options;
        _incoming = incoming;
        Shutdown = shutdown;
    }

    public SipTransportOptions Options { get; }

    public SipTransportCounters Counters { get; } = new();

    public TimeProvider Time => Options.TimeProvider;

    public CancellationToken Shutdown { get; }

    /// <summary>For datagrams: a full queue drops the message rather than stall the socket for everyone.</summary>
    public bool TryDeliver(ReceivedMessage message)
    {
        // Counted before the write so that whoever reads the message already sees it counted.
        Counters.AddReceived();
        if (_incoming.TryWrite(message))
        {
            return true;
        }

        Counters.UndoReceived();
        Counters.AddDropped();
        Notify(SipTransportNoticeKind.Dropped, message.Remote, "incoming queue full");
        return false;
    }

    /// <summary>For streams: a full queue pauses this connection's reads, which TCP turns into back-pressure.</summary>
    public async ValueTask<bool> DeliverAsync(ReceivedMessage message, CancellationToken cancellation)
    {
        Counters.AddReceived();
        try
        {
            await _incoming.WriteAsync(message, cancellation).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is ChannelClosedException or OperationCanceledException)
        {
            Counters.UndoReceived();
            Counters.AddDropped();
            return false;
        }
    }

    /// <summary>Counts and reports the outcomes that end in the transport; true when the caller has more to do.</summary>
    public bool Account(in InboundOutcome outcome, SipEndPoint remote)
    {
        switch (outcome.Action)
        {
            case InboundAction.KeepAlive:
                Counters.AddKeepAlive();
                return false;
            case InboundAction.Drop:
                if (outcome.Error is not null)
                {
                    Counters.AddParseError();
                }

                Counters.AddDropped();
                Notify(outcome.Error is null ? SipTransportNoticeKind.Dropped : SipTransportNoticeKind.ParseError, remote,
                    outcome.DropReason ?? "dropped");
                return false;
            case InboundAction.Answer:
                Counters.AddParseError();
                Counters.AddErrorAnswer();
                Notify(SipTransportNoticeKind.ParseError, remote, outcome.Error?.Reason ?? "answered");
                return true;
            default:
                return true;
        }
    }

    public void Notify(SipTransportNoticeKind kind, SipEndPoint? remote, string detail, Exception? error = null)
    {
        if (Options.Observer is not { } observer)
        {
            return;
        }

        try
        {
            observer.OnNotice(new SipTransportNotice(kind, remote, detail, error));
        }
        catch (Exception)
        {
            // An observer bug must not take a socket loop down with it.
        }
    }
}
