using System.Net;
using System.Net.Sockets;

namespace CallCenter.Sip.Transport;

/// <summary>A listening TCP socket whose accept loop hands every new connection to the pool.</summary>
internal sealed class TcpAcceptor : IAsyncDisposable
{
    private const int Backlog = 512;

    private readonly Socket _socket;
    private readonly TransportContext _context;
    private readonly TcpConnectionPool _pool;
    private Task _accepting = Task.CompletedTask;
    private volatile bool _stopping;

    private TcpAcceptor(Socket socket, TransportContext context, TcpConnectionPool pool)
    {
        _socket = socket;
        _context = context;
        _pool = pool;
        Local = new SipEndPoint(SipProtocol.Tcp, (IPEndPoint)socket.LocalEndPoint!);
    }

    public SipEndPoint Local { get; }

    public static TcpAcceptor Bind(IPEndPoint endPoint, TransportContext context, TcpConnectionPool pool)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endPoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            socket.Bind(endPoint);
            socket.Listen(Backlog);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new TcpAcceptor(socket, context, pool);
    }

    public void Start() => _accepting = AcceptLoopAsync();

    /// <summary>Releases the socket of an acceptor whose loop never ran (another listener failed to bind).</summary>
    public void CloseUnstarted() => _socket.Dispose();

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _socket.Dispose();
        await _accepting.ConfigureAwait(false);
    }

    private async Task AcceptLoopAsync()
    {
        await Task.Yield();
        var cancellation = _context.Shutdown;
        while (true)
        {
            Socket accepted;
            try
            {
                accepted = await _socket.AcceptAsync(cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                if (_stopping || cancellation.IsCancellationRequested)
                {
                    return;
                }

                // Out of descriptors or a peer that reset before accept: keep listening.
                _context.Notify(SipTransportNoticeKind.SocketError, Local, "TCP accept failed", e);
                if (!await SocketErrors.PauseAfterAsync(e, _context.Time, cancellation).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            _pool.Adopt(accepted);
        }
    }
}
