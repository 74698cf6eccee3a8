namespace CallCenter.Sip.Transport;

/// <summary>Running totals of a <see cref="SipTransportHost"/>, safe to read from any thread (tests, metrics).</summary>
public sealed class SipTransportCounters
{
    private long _received;
    private long _sent;
    private long _parseErrors;
    private long _errorAnswers;
    private long _dropped;
    private long _sendFailures;
    private long _keepAlives;
    private long _connectionsOpened;
    private long _connectionsClosed;
    private long _connectionsRejected;

    /// <summary>Messages handed to the layer above.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Messages written to a socket, error answers included.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Datagrams or frames that failed to parse (keep-alives excluded).</summary>
    public long ParseErrors => Interlocked.Read(ref _parseErrors);

    /// <summary>Parse errors answered with 400, 505 or 513.</summary>
    public long ErrorAnswers => Interlocked.Read(ref _errorAnswers);

    /// <summary>Inbound messages or bytes discarded without delivery or answer.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Outbound messages that never reached a socket.</summary>
    public long SendFailures => Interlocked.Read(ref _sendFailures);

    /// <summary>CRLF keep-alive runs received.</summary>
    public long KeepAlives => Interlocked.Read(ref _keepAlives);

    public long ConnectionsOpened => Interlocked.Read(ref _connectionsOpened);

    public long ConnectionsClosed => Interlocked.Read(ref _connectionsClosed);

    public long ConnectionsRejected => Interlocked.Read(ref _connectionsRejected);

    public override string ToString() =>
        $"received={Received} sent={Sent} parseErrors={ParseErrors} errorAnswers={ErrorAnswers} dropped={Dropped} " +
        $"sendFailures={SendFailures} keepAlives={KeepAlives} connections={ConnectionsOpened}/{ConnectionsClosed}/{ConnectionsRejected}";

    internal void AddReceived() => Interlocked.Increment(ref _received);

    internal void UndoReceived() => Interlocked.Decrement(ref _received);

    internal void AddSent() => Interlocked.Increment(ref _sent);

    internal void UndoSent() => Interlocked.Decrement(ref _sent);

    internal void AddParseError() => Interlocked.Increment(ref _parseErrors);

    internal void AddErrorAnswer() => Interlocked.Increment(ref _errorAnswers);

    internal void AddDropped() => Interlocked.Increment(ref _dropped);

    internal void AddSendFailure() => Interlocked.Increment(ref _sendFailures);

    internal void AddKeepAlive() => Interlocked.Increment(ref _keepAlives);

    internal void AddConnectionOpened() => Interlocked.Increment(ref _connectionsOpened);

    internal void AddConnectionClosed() => Interlocked.Increment(ref _connectionsClosed);

    internal void AddConnectionRejected() => Interlocked.Increment(ref _connectionsRejected);
}
