using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Transport;

/// <summary>
/// The SIP transport layer (RFC 3261 §18, RFC 3581): owns the UDP sockets and TCP listeners and connections,
/// hands every valid inbound message up through <see cref="Incoming"/>, and sends messages for the layers above.
/// The only code in the stack that touches sockets.
/// </summary>
public sealed class SipTransportHost : ISipMessageSender, IAsyncDisposable
{
    private readonly Channel<ReceivedMessage> _incoming;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TransportContext _context;
    private readonly TcpConnectionPool _pool;
    private readonly List<UdpChannel> _udp = [];
    private readonly List<TcpAcceptor> _tcp = [];
    private readonly ConcurrentDictionary<Task, byte> _background = new();
    private int _disposed;

    private SipTransportHost(SipTransportOptions options)
    {
        _incoming = Channel.CreateBounded<ReceivedMessage>(new BoundedChannelOptions(options.IncomingQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
        _context = new TransportContext(options, _incoming.Writer, _shutdown.Token);
        _pool = new TcpConnectionPool(_context);
    }

    /// <summary>Valid messages as they arrive, requests with their top Via already stamped (received, rport).</summary>
    public ChannelReader<ReceivedMessage> Incoming => _incoming.Reader;

    /// <summary>The bound addresses, with the real port wherever port 0 was asked for, in the order configured.</summary>
    public IReadOnlyList<SipEndPoint> LocalEndPoints { get; private set; } = [];

    public SipTransportCounters Counters => _context.Counters;

    /// <summary>TCP connections open right now, in either direction.</summary>
    public int OpenConnections => _pool.Count;

    /// <summary>Binds every configured listener and starts receiving. Throws when an address cannot be bound.</summary>
    public static SipTransportHost Start(SipTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var host = new SipTransportHost(options);
        var bound = new List<SipEndPoint>(options.Listen.Count);
        try
        {
            // Bind everything before any loop starts, so a failure leaves nothing running behind.
            foreach (var listen in options.Listen)
            {
                if (listen.Protocol == SipProtocol.Udp)
                {
                    var channel = UdpChannel.Bind(listen.Address, host._context);
                    host._udp.Add(channel);
                    bound.Add(channel.Local);
                }
                else
                {
                    var acceptor = TcpAcceptor.Bind(listen.Address, host._context, host._pool);
                    host._tcp.Add(acceptor);
                    bound.Add(acceptor.Local);
                }
            }
        }
        catch
        {
            host._udp.ForEach(c => c.CloseUnstarted());
            host._tcp.ForEach(a => a.CloseUnstarted());
            host._pool.CloseUnstarted();
            host._shutdown.Dispose();
            throw;
        }

        host.LocalEndPoints = bound;
        host._pool.Start();
        host._udp.ForEach(c => c.Start());
        host._tcp.ForEach(a => a.Start());
        return host;
    }

    /// <summary>The first listener for this protocol and address family (what a Via or Contact should name).</summary>
    public SipEndPoint? FindLocalEndPoint(SipProtocol protocol, AddressFamily family)
    {
        foreach (var endPoint in LocalEndPoints)
        {
            if (endPoint.Protocol == protocol && endPoint.Address.AddressFamily == family)
            {
                return endPoint;
            }
        }

        return null;
    }

    /// <summary>
    /// Sends without waiting. A request goes to <paramref name="destination"/>, over an open TCP connection to it
    /// when there is one, else a new one. A response is routed by its top Via (RFC 3261 §18.2.2, RFC 3581): on TCP
    /// back over the connection from <paramref name="destination"/> (pass the request's
    /// <see cref="ReceivedMessage.Remote"/>) while it is open, else to received/sent-by; on UDP to received and rport.
    /// UDP messages above ~1300 bytes are still sent as UDP: choosing TCP instead (§18.1.1) is the caller's call.
    /// Failures are counted in <see cref="Counters"/> and reported to the observer, never thrown.
    /// </summary>
    public void Send(SipMessage message, SipEndPoint destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        Send(EncodedSipMessage.Encode(message), destination);
    }

    /// <inheritdoc cref="Send(SipMessage, SipEndPoint)"/>
    public void Send(EncodedSipMessage message, SipEndPoint destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Volatile.Read(ref _disposed) != 0)
        {
            Fail(destination, "transport stopped");
            return;
        }

        if (destination.Address is null)
        {
            Fail(null, "no destination address");
            return;
        }

        if (message.IsResponse)
        {
            SendResponse(message, destination);
            return;
        }

        SendTo(message.Buffer, destination.Protocol, IpAddresses.Normalize(destination.Address));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var acceptor in _tcp)
        {
            await acceptor.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var channel in _udp)
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }

        await _pool.DrainAsync(_context.Options.ShutdownGracePeriod).ConfigureAwait(false);
        await _shutdown.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_background.Keys).ConfigureAwait(false);
        await _pool.DisposeAsync().ConfigureAwait(false);
        _incoming.Writer.TryComplete();
        _shutdown.Dispose();
    }

    private void SendResponse(EncodedSipMessage response, SipEndPoint requestSource)
    {
        if (response.ResponseTarget is not { } target)
        {
            Fail(requestSource, "response has no Via with a supported transport");
            return;
        }

        var bytes = response.Buffer;
        if (target.Protocol.IsReliable() && requestSource.Protocol.IsReliable()
            && _pool.TrySendExisting(IpAddresses.Normalize(requestSource.Address), bytes))
        {
            return;
        }

        if (target.TryGetEndPoint(out var endPoint))
        {
            SendTo(bytes, endPoint.Protocol, endPoint.Address);
            return;
        }

        Track(ResolveAndSendAsync(bytes, target));
    }

    private void SendTo(byte[] bytes, SipProtocol protocol, IPEndPoint destination)
    {
        if (protocol.IsReliable())
        {
            if (_pool.Send(destination, bytes) is { } connecting)
            {
                Track(connecting);
            }

            return;
        }

        var channel = _udp.Find(c => c.Family == destination.AddressFamily);
        if (channel is null || !channel.TrySend(bytes, destination))
        {
            Fail(new SipEndPoint(protocol, destination), channel is null ? "no UDP socket for this address family" : "UDP send queue full");
        }
    }

    /// <summary>A Via naming a host instead of an address (no received, or a maddr): A/AAAA lookup, first usable address.</summary>
    private async Task ResolveAndSendAsync(byte[] bytes, SipResponseDestination target)
    {
        IPAddress[] addresses;
        try
        {
            using var timeout = new CancellationTokenSource(_context.Options.TcpConnectTimeout, _context.Time);
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _shutdown.Token);
            addresses = await Dns.GetHostAddressesAsync(target.Host, cancellation.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Host not found, bad name, timeout, shutdown: all the same to a fire-and-forget send.
            Fail(null, $"cannot resolve {target.Host}", e);
            return;
        }

        var usable = addresses.FirstOrDefault(a => target.Protocol.IsReliable() || _udp.Exists(c => c.Family == a.AddressFamily));
        if (usable is null)
        {
            Fail(null, $"no usable address for {target.Host}");
            return;
        }

        SendTo(bytes, target.Protocol, new IPEndPoint(IpAddresses.Normalize(usable), target.Port));
    }

    private void Track(Task task)
    {
        // Fire-and-forget work (connects, DNS) is kept so that disposal can wait for it.
        if (task.IsCompleted)
        {
            return;
        }

        _background.TryAdd(task, 0);
        task.ContinueWith(
            static (done, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(done, out _),
            _background,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Fail(SipEndPoint? destination, string detail, Exception? error = null)
    {
        _context.Counters.AddSendFailure();
        _context.Notify(SipTransportNoticeKind.SendFailed, destination, detail, error);
    }
}
