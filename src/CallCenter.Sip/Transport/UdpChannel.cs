using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using CallCenter.Sip.Serialization;

namespace CallCenter.Sip.Transport;

/// <summary>
/// One bound UDP socket: a receive loop that parses each datagram in one reused buffer, and a send loop that drains
/// a bounded queue. Neither loop ends on a bad datagram or a socket error; only disposal stops them.
/// </summary>
internal sealed class UdpChannel : IAsyncDisposable
{
    // Large enough for any IPv4 or IPv6 datagram, so the kernel never truncates one silently.
    private const int ReceiveBufferBytes = 65536;

    // SIO_UDP_CONNRESET: stops Windows from failing the next receive after an ICMP port unreachable.
    private const int SioUdpConnReset = unchecked((int)0x9800000C);

    private readonly Socket _socket;
    private readonly TransportContext _context;
    private readonly Channel<OutboundDatagram> _outbound;
    private readonly CancellationTokenSource _stop;
    private Task _receiving = Task.CompletedTask;
    private Task _sending = Task.CompletedTask;

    private UdpChannel(Socket socket, TransportContext context)
    {
        _socket = socket;
        _context = context;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(context.Shutdown);
        _outbound = Channel.CreateBounded<OutboundDatagram>(new BoundedChannelOptions(context.Options.UdpSendQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Local = new SipEndPoint(SipProtocol.Udp, (IPEndPoint)socket.LocalEndPoint!);
    }

    public SipEndPoint Local { get; }

    public AddressFamily Family => Local.Address.AddressFamily;

    public static UdpChannel Bind(IPEndPoint endPoint, TransportContext context)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (endPoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                // One socket per family keeps source addresses plain; IPv4 gets its own listener.
                socket.DualMode = false;
            }

            socket.ReceiveBufferSize = context.Options.UdpReceiveBufferBytes;
            if (OperatingSystem.IsWindows())
            {
                socket.IOControl(SioUdpConnReset, [0, 0, 0, 0], null);
            }

            socket.Bind(endPoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new UdpChannel(socket, context);
    }

    public void Start()
    {
        _receiving = ReceiveLoopAsync();
        _sending = SendLoopAsync();
    }

    /// <summary>Releases the socket of a channel whose loops never ran (another listener failed to bind).</summary>
    public void CloseUnstarted()
    {
        _socket.Dispose();
        _stop.Dispose();
    }

    /// <summary>
    /// Queues a datagram. Large messages go out as they are: switching to TCP above ~1300 bytes (RFC 3261 §18.1.1)
    /// is the sender's choice, and datagrams over 65507 bytes fail in the send loop and are counted.
    /// </summary>
    public bool TrySend(byte[] data, IPEndPoint destination) =>
        destination.AddressFamily == Family && _outbound.Writer.TryWrite(new OutboundDatagram(data, destination));

    public async ValueTask DisposeAsync()
    {
        // Let queued datagrams (final responses, BYEs) leave before the socket closes.
        _outbound.Writer.TryComplete();
        await _sending.ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _receiving.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        await Task.Yield();
        var buffer = new byte[ReceiveBufferBytes];
        var address = new SocketAddress(Family);
        var sources = new SourceCache(Local.Address);
        var cancellation = _stop.Token;
        while (true)
        {
            int length;
            try
            {
                length = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, address, cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                if (cancellation.IsCancellationRequested)
                {
                    return;
                }

                _context.Notify(SipTransportNoticeKind.SocketError, Local, "UDP receive failed", e);
                if (!await SocketErrors.PauseAfterAsync(e, _context.Time, cancellation).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            var remote = sources.Get(address);
            try
            {
                Handle(buffer.AsSpan(0, length), remote);
            }
            catch (Exception e)
            {
                // The parser promises not to throw; should a bug break that promise, one datagram is lost, not the socket.
                _context.Counters.AddDropped();
                _context.Notify(SipTransportNoticeKind.Dropped, remote, "datagram handling failed", e);
            }
        }
    }

    private void Handle(ReadOnlySpan<byte> datagram, SipEndPoint remote)
    {
        var outcome = InboundProcessor.Process(datagram, remote, Local, _context.Options.ParserLimits);
        if (!_context.Account(outcome, remote))
        {
            return;
        }

        if (outcome.Action == InboundAction.Deliver)
        {
            _context.TryDeliver(outcome.Message!);
            return;
        }

        // No DNS for an error answer: when the Via does not lead to an address, the packet's source is the best guess.
        var answer = outcome.Answer!;
        var destination = SipResponseRouting.GetDestination(answer.TopVia!, SipProtocol.Udp);
        var target = destination.TryGetEndPoint(out var routed) && routed.Address.AddressFamily == Family
            ? routed.Address
            : remote.Address;
        if (!TrySend(SipSerializer.Serialize(answer), target))
        {
            _context.Counters.AddSendFailure();
            _context.Notify(SipTransportNoticeKind.SendFailed, remote, "UDP send queue full");
        }
    }

    private async Task SendLoopAsync()
    {
        await Task.Yield();
        var reader = _outbound.Reader;
        var cancellation = _stop.Token;
        try
        {
            while (await reader.WaitToReadAsync(cancellation).ConfigureAwait(false))
            {
                while (reader.TryRead(out var datagram))
                {
                    await SendOneAsync(datagram, cancellation).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown: what is still queued is lost, as a datagram may be anyway.
        }
    }

    private async ValueTask SendOneAsync(OutboundDatagram datagram, CancellationToken cancellation)
    {
        // Counted before the write so that a peer holding the datagram already sees it counted.
        _context.Counters.AddSent();
        try
        {
            await _socket.SendToAsync(datagram.Data, SocketFlags.None, datagram.Destination, cancellation).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            _context.Counters.UndoSent();
            _context.Counters.AddSendFailure();
            _context.Notify(SipTransportNoticeKind.SendFailed, new SipEndPoint(SipProtocol.Udp, datagram.Destination), "UDP send failed", e);
        }
        catch (ObjectDisposedException)
        {
            _context.Counters.UndoSent();
            _context.Counters.AddSendFailure();
        }
    }

    private readonly record struct OutboundDatagram(byte[] Data, IPEndPoint Destination);

    /// <summary>
    /// Turns the raw source address into an end point, reusing the last one while datagrams keep coming from the
    /// same peer, so a steady stream (or a flood of garbage from one source) allocates nothing here.
    /// </summary>
    private sealed class SourceCache(IPEndPoint template)
    {
        private SocketAddress? _last;
        private SipEndPoint _lastEndPoint;

        public SipEndPoint Get(SocketAddress address)
        {
            if (_last is not null && address.Equals(_last))
            {
                return _lastEndPoint;
            }

            var copy = new SocketAddress(address.Family, address.Size);
            address.Buffer.Span[..address.Size].CopyTo(copy.Buffer.Span);
            _last = copy;
            _lastEndPoint = new SipEndPoint(SipProtocol.Udp, IpAddresses.Normalize((IPEndPoint)template.Create(address)));
            return _lastEndPoint;
        }
    }
}
