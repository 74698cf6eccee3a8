using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CallCenter.Sip.Transport;

/// <summary>
/// Every open TCP connection of a host, keyed by remote end point so a message to a peer reuses whichever
/// connection exists, whoever opened it. Enforces the connection limit and closes idle connections.
/// </summary>
internal sealed class TcpConnectionPool : IAsyncDisposable
{
    private readonly TransportContext _context;
    private readonly ConcurrentDictionary<IPEndPoint, TcpConnection> _byRemote = new();
    private readonly ConcurrentDictionary<TcpConnection, byte> _live = new();
    private readonly ConcurrentDictionary<IPEndPoint, PendingConnect> _connecting = new();
    private readonly PeriodicTimer _sweepTimer;
    private Task _sweeping = Task.CompletedTask;
    private int _reserved;
    private int _disposed;

    public TcpConnectionPool(TransportContext context)
    {
        _context = context;
        _sweepTimer = new PeriodicTimer(SweepInterval(context.Options.TcpIdleTimeout), context.Time);
    }

    public void Start() => _sweeping = SweepIdleAsync();

    /// <summary>Stops the idle timer of a pool that never started (the host failed to bind).</summary>
    public void CloseUnstarted() => _sweepTimer.Dispose();

    public int Count => _live.Count;

    public bool TryGet(IPEndPoint remote, out TcpConnection connection) =>
        _byRemote.TryGetValue(remote, out connection!) && connection.IsOpen;

    public bool TrySendExisting(IPEndPoint remote, byte[] data) => TryGet(remote, out var connection) && connection.TrySend(data);

    /// <summary>Takes over an accepted socket, or refuses it when the limit is reached.</summary>
    public void Adopt(Socket socket)
    {
        if (!TryReserve())
        {
            _context.Counters.AddConnectionRejected();
            _context.Notify(SipTransportNoticeKind.ConnectionRejected, Describe(socket), "connection limit reached");
            socket.Dispose();
            return;
        }

        TcpConnection connection;
        try
        {
            socket.NoDelay = true;
            connection = new TcpConnection(socket, _context);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Reset between accept and here: the socket no longer has a remote end point.
            Release();
            socket.Dispose();
            return;
        }

        Register(connection);
    }

    /// <summary>
    /// Sends over the open connection to <paramref name="remote"/>, or queues the bytes and opens one. Messages to one
    /// peer leave in the order given, also while the connection is being opened. Returns the connect attempt this
    /// call started, if any, for the caller to track; never throws.
    /// </summary>
    public Task? Send(IPEndPoint remote, byte[] data)
    {
        if (TrySendExisting(remote, data))
        {
            return null;
        }

        var pending = _connecting.GetOrAdd(remote, static _ => new PendingConnect());
        lock (pending)
        {
            if (!pending.Completed)
            {
                if (pending.Queue.Count >= _context.Options.TcpSendQueueCapacity)
                {
                    SendFailed(remote, "TCP send queue full while connecting");
                    return null;
                }

                pending.Queue.Add(data);
                if (pending.Started)
                {
                    return null;
                }

                pending.Started = true;
            }
            else
            {
                // The attempt just finished and flushed its queue: what comes now goes after it.
                if (pending.Connection?.TrySend(data) != true)
                {
                    SendFailed(remote, "no TCP connection");
                }

                return null;
            }
        }

        return ConnectAndFlushAsync(remote, pending);
    }

    /// <summary>
    /// Lets every connection send what it has queued (a final response, a BYE) and close, for at most
    /// <paramref name="grace"/>; connections still writing after that are cut by <see cref="DisposeAsync"/>.
    /// </summary>
    public async Task DrainAsync(TimeSpan grace)
    {
        var connections = _live.Keys.ToArray();
        foreach (var connection in connections)
        {
            connection.Drain("transport stopped");
        }

        try
        {
            await Task.WhenAll(connections.Select(c => c.Completion)).WaitAsync(grace, _context.Time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A peer that stopped reading: DisposeAsync closes it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _sweepTimer.Dispose();
        await _sweeping.ConfigureAwait(false);
        foreach (var connection in _live.Keys)
        {
            connection.Close("transport stopped");
        }

        // A connect that was completing during shutdown may register (and close itself) late: wait for it too.
        while (!_live.IsEmpty)
        {
            await Task.WhenAll(_live.Keys.Select(c => c.Completion)).ConfigureAwait(false);
        }
    }

    private static TimeSpan SweepInterval(TimeSpan idleTimeout) =>
        TimeSpan.FromTicks(Math.Max(idleTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond));

    private static SipEndPoint? Describe(Socket socket)
    {
        try
        {
            return socket.RemoteEndPoint is IPEndPoint remote ? new SipEndPoint(SipProtocol.Tcp, remote) : null;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return null;
        }
    }

    private async Task ConnectAndFlushAsync(IPEndPoint remote, PendingConnect pending)
    {
        var (connection, isNew) = await ConnectAsync(remote).ConfigureAwait(false);
        lock (pending)
        {
            // Queued before the connection is visible to anyone else, so nothing can overtake these messages.
            foreach (var data in pending.Queue)
            {
                if (connection?.TrySend(data) != true)
                {
                    SendFailed(remote, "no TCP connection");
                }
            }

            pending.Queue.Clear();
            pending.Connection = connection;
            pending.Completed = true;
        }

        if (connection is not null && isNew)
        {
            Register(connection);
        }

        _connecting.TryRemove(KeyValuePair.Create(remote, pending));
    }

    /// <summary>The open connection to <paramref name="remote"/>, or a new one not yet registered (null on failure).</summary>
    private async Task<(TcpConnection? Connection, bool IsNew)> ConnectAsync(IPEndPoint remote)
    {
        if (TryGet(remote, out var existing))
        {
            return (existing, false);
        }

        if (!TryReserve())
        {
            _context.Counters.AddConnectionRejected();
            _context.Notify(SipTransportNoticeKind.ConnectionRejected, new SipEndPoint(SipProtocol.Tcp, remote), "connection limit reached");
            return (null, false);
        }

        Socket? socket = null;
        using var timeout = new CancellationTokenSource(_context.Options.TcpConnectTimeout, _context.Time);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _context.Shutdown);
        TcpConnection connection;
        try
        {
            socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(remote, cancellation.Token).ConfigureAwait(false);
            connection = new TcpConnection(socket, _context);
        }
        catch (Exception e)
        {
            // Refused, unreachable, timed out, shut down: a failed connect is a lost message, never an exception.
            socket?.Dispose();
            Release();
            _context.Notify(SipTransportNoticeKind.SocketError, new SipEndPoint(SipProtocol.Tcp, remote),
                timeout.IsCancellationRequested ? "TCP connect timed out" : "TCP connect failed", e);
            return (null, false);
        }

        return (connection, true);
    }

    private void Register(TcpConnection connection)
    {
        _live[connection] = 0;
        _byRemote.AddOrUpdate(connection.Remote.Address, connection, (_, previous) =>
        {
            // The peer reconnected from the same address and port: the old connection is dead.
            previous.Close("replaced by a new connection from the same end point");
            return connection;
        });
        _context.Counters.AddConnectionOpened();
        _context.Notify(SipTransportNoticeKind.ConnectionOpened, connection.Remote, "TCP connection opened");
        connection.Start(OnClosed);
        if (Volatile.Read(ref _disposed) != 0)
        {
            connection.Close("transport stopped");
        }
    }

    private void OnClosed(TcpConnection connection)
    {
        _byRemote.TryRemove(KeyValuePair.Create(connection.Remote.Address, connection));
        _live.TryRemove(connection, out _);
        Release();
        _context.Counters.AddConnectionClosed();
        _context.Notify(SipTransportNoticeKind.ConnectionClosed, connection.Remote, connection.CloseReason);
    }

    private async Task SweepIdleAsync()
    {
        var idleTimeout = _context.Options.TcpIdleTimeout;
        try
        {
            while (await _sweepTimer.WaitForNextTickAsync(_context.Shutdown).ConfigureAwait(false))
            {
                foreach (var connection in _live.Keys)
                {
                    if (connection.IdleTime >= idleTimeout)
                    {
                        connection.Close("idle for " + idleTimeout);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
    }

    private bool TryReserve()
    {
        if (Interlocked.Increment(ref _reserved) <= _context.Options.MaxTcpConnections)
        {
            return true;
        }

        Interlocked.Decrement(ref _reserved);
        return false;
    }

    private void Release() => Interlocked.Decrement(ref _reserved);

    private void SendFailed(IPEndPoint remote, string detail)
    {
        _context.Counters.AddSendFailure();
        _context.Notify(SipTransportNoticeKind.SendFailed, new SipEndPoint(SipProtocol.Tcp, remote), detail);
    }

    /// <summary>Messages waiting for a connection being opened; guarded by locking the instance.</summary>
    private sealed class PendingConnect
    {
        public List<byte[]> Queue { get; } = new(2);

        public bool Started { get; set; }

        public bool Completed { get; set; }

        public TcpConnection? Connection { get; set; }
    }
}
