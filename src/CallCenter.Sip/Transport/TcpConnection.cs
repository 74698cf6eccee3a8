using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using CallCenter.Sip.Serialization;

namespace CallCenter.Sip.Transport;

/// <summary>
/// One TCP connection, accepted or opened by us, used for messages in both directions. A read loop frames the
/// stream and hands messages up; a write loop drains a bounded queue. Whatever goes wrong closes this connection
/// only: its loops catch everything, and the pool forgets it when <see cref="Completion"/> ends.
/// </summary>
internal sealed class TcpConnection
{
    // RFC 5626 §3.5.1: a double-CRLF ping is answered with a single CRLF pong.
    private static readonly byte[] Pong = "\r\n"u8.ToArray();

    private readonly Socket _socket;
    private readonly TransportContext _context;
    private readonly Channel<byte[]> _outbound;
    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastActivity;
    private int _closed;
    private int _draining;
    private string _closeReason = "closed";

    /// <summary>Throws <see cref="SocketException"/> when the socket was reset before it got here.</summary>
    public TcpConnection(Socket socket, TransportContext context)
    {
        Remote = new SipEndPoint(SipProtocol.Tcp, IpAddresses.Normalize((IPEndPoint)socket.RemoteEndPoint!));
        Local = new SipEndPoint(SipProtocol.Tcp, IpAddresses.Normalize((IPEndPoint)socket.LocalEndPoint!));
        _socket = socket;
        _context = context;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(context.Shutdown);
        _outbound = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(context.Options.TcpSendQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Touch();
    }

    public SipEndPoint Remote { get; }

    public SipEndPoint Local { get; }

    public bool IsOpen => Volatile.Read(ref _closed) == 0;

    public string CloseReason => Volatile.Read(ref _closeReason);

    public TimeSpan IdleTime => _context.Time.GetElapsedTime(Volatile.Read(ref _lastActivity));

    /// <summary>Ends when both loops have stopped, the socket is closed and the pool was told.</summary>
    public Task Completion => _completed.Task;

    public void Start(Action<TcpConnection> onClosed) => _ = RunAsync(onClosed);

    /// <summary>Queues bytes for the write loop; a peer that lets the queue fill up is not reading, and is cut off.</summary>
    public bool TrySend(byte[] data)
    {
        if (!IsOpen)
        {
            return false;
        }

        if (_outbound.Writer.TryWrite(data))
        {
            return true;
        }

        if (Volatile.Read(ref _draining) == 0)
        {
            Close("send queue full");
        }

        return false;
    }

    /// <summary>Takes no more messages; the write loop sends what is queued and then the connection closes.</summary>
    public void Drain(string reason)
    {
        if (Interlocked.Exchange(ref _draining, 1) == 0)
        {
            Volatile.Write(ref _closeReason, reason);
            _outbound.Writer.TryComplete();
        }
    }

    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        Volatile.Write(ref _closeReason, reason);
        _outbound.Writer.TryComplete();
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The loops already ended on their own and the connection finished closing.
        }
    }

    private async Task RunAsync(Action<TcpConnection> onClosed)
    {
        await Task.Yield();
        var reading = ReadLoopAsync();
        var writing = WriteLoopAsync();
        try
        {
            await Task.WhenAny(reading, writing).ConfigureAwait(false);
            Close(_closeReason);
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Already reset by the peer: nothing left to shut down.
            }

            _socket.Dispose();
            await Task.WhenAll(reading, writing).ConfigureAwait(false);
            while (_outbound.Reader.TryRead(out var unsent))
            {
                if (!ReferenceEquals(unsent, Pong))
                {
                    _context.Counters.AddSendFailure();
                }
            }
        }
        finally
        {
            // Whatever happened above, the pool must forget this connection or disposal would wait for it forever.
            _stop.Dispose();
            onClosed(this);
            _completed.TrySetResult();
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new StreamFrameBuffer(_context.Options.ParserLimits);
        var cancellation = _stop.Token;
        try
        {
            while (true)
            {
                var memory = buffer.GetWriteMemory();
                if (memory.IsEmpty)
                {
                    Refuse("buffer limit reached without a complete message");
                    return;
                }

                var read = await _socket.ReceiveAsync(memory, SocketFlags.None, cancellation).ConfigureAwait(false);
                if (read == 0)
                {
                    Close("closed by peer");
                    return;
                }

                buffer.Advance(read);
                Touch();
                while (buffer.TryRead(out var frame))
                {
                    if (!await HandleAsync(frame, cancellation).ConfigureAwait(false))
                    {
                        return;
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Closed from our side: the reason is already recorded.
        }
        catch (SocketException e)
        {
            Close("receive failed: " + e.SocketErrorCode);
        }
        catch (Exception e)
        {
            // A bug below (the parser promises not to throw) costs this connection, never the others.
            _context.Notify(SipTransportNoticeKind.Dropped, Remote, "frame handling failed", e);
            Close("internal error");
        }
    }

    private async ValueTask<bool> HandleAsync(StreamFrame frame, CancellationToken cancellation)
    {
        switch (frame.Kind)
        {
            case StreamFrameKind.KeepAlive:
                _context.Counters.AddKeepAlive();
                for (var i = 0; i < frame.Pings; i++)
                {
                    TrySend(Pong);
                }

                return true;
            case StreamFrameKind.Invalid:
                Refuse(frame.Error?.Reason ?? "framing error");
                return false;
        }

        var outcome = InboundProcessor.Process(frame.Data.Span, Remote, Local, _context.Options.ParserLimits);
        if (!_context.Account(outcome, Remote))
        {
            return true;
        }

        if (outcome.Action == InboundAction.Answer)
        {
            // The request came on this connection, so its answer goes back on it (RFC 3261 §18.2.2).
            return TrySend(SipSerializer.Serialize(outcome.Answer!));
        }

        return await _context.DeliverAsync(outcome.Message!, cancellation).ConfigureAwait(false);
    }

    /// <summary>The stream can no longer be cut into messages, so nothing after this point can be trusted.</summary>
    private void Refuse(string reason)
    {
        _context.Counters.AddParseError();
        _context.Notify(SipTransportNoticeKind.ParseError, Remote, reason);
        Close("framing error: " + reason);
    }

    private async Task WriteLoopAsync()
    {
        var reader = _outbound.Reader;
        var cancellation = _stop.Token;
        try
        {
            while (await reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
            {
                while (reader.TryRead(out var data))
                {
                    await WriteOneAsync(data, cancellation).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Closed from our side.
        }
        catch (SocketException e)
        {
            _context.Notify(SipTransportNoticeKind.SendFailed, Remote, "TCP send failed", e);
            Close("send failed: " + e.SocketErrorCode);
        }
        catch (Exception e)
        {
            _context.Notify(SipTransportNoticeKind.SendFailed, Remote, "TCP write loop failed", e);
            Close("internal error");
        }
    }

    private async ValueTask WriteOneAsync(byte[] data, CancellationToken cancellation)
    {
        var isMessage = !ReferenceEquals(data, Pong);
        if (isMessage)
        {
            // Counted before the write so that a peer holding the message already sees it counted.
            _context.Counters.AddSent();
        }

        try
        {
            await _socket.SendAsync(data, SocketFlags.None, cancellation).ConfigureAwait(false);
            Touch();
        }
        catch when (isMessage)
        {
            _context.Counters.UndoSent();
            _context.Counters.AddSendFailure();
            throw;
        }
    }

    private void Touch() => Volatile.Write(ref _lastActivity, _context.Time.GetTimestamp());
}
