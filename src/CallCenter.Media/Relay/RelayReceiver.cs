using System.Net;
using System.Net.Sockets;

namespace CallCenter.Media.Relay;

/// <summary>
/// The receive loop of one relay socket, on a reused <see cref="SocketAsyncEventArgs"/>. Closing the socket ends it
/// with <see cref="SocketError.OperationAborted"/> as a status, not as an exception: the awaited
/// <c>ReceiveFromAsync</c> it replaces threw a <see cref="SocketException"/> per socket and call (four a call), which
/// at hundreds of calls a second cost more CPU than the rest of tearing the call down. Receiving allocates nothing
/// while the source stays the same.
/// </summary>
internal sealed class RelayReceiver : SocketAsyncEventArgs, IThreadPoolWorkItem
{
    private const int MaxFailuresInARow = 64;

    private static readonly TimeSpan FailurePause = TimeSpan.FromMilliseconds(10);

    private readonly MediaRelay _relay;
    private readonly MediaLeg _leg;
    private readonly bool _rtcp;
    private readonly Socket _socket;
    private readonly int _limit;
    private readonly ReceiveBuffers _buffers;
    private readonly byte[] _buffer;
    private SocketAddress _source;
    private IPEndPoint _sourceEndPoint;
    private int _failuresInARow;
    private int _ended;

    public RelayReceiver(MediaRelay relay, MediaLeg leg, bool rtcp, int maxDatagramBytes)
        : base(unsafeSuppressExecutionContextFlow: true)
    {
        _relay = relay;
        _leg = leg;
        _rtcp = rtcp;
        _socket = rtcp ? leg.Sockets.Rtcp : leg.Sockets.Rtp;
        _limit = maxDatagramBytes;

        // One byte more than the limit: the kernel truncates a larger datagram silently on Linux, so a full buffer
        // is how an oversized one shows; it is dropped whole rather than relayed cut short.
        _buffers = ReceiveBuffers.Of(maxDatagramBytes + 1);
        _buffer = _buffers.Rent();
        SetBuffer(_buffer, 0, maxDatagramBytes + 1);
        _sourceEndPoint = new IPEndPoint(leg.Sockets.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        _source = _sourceEndPoint.Serialize();
        RemoteEndPoint = _sourceEndPoint;
    }

    /// <summary>Starts receiving on a pool thread: a datagram already waiting must not be handled on the opener's thread.</summary>
    public void Start() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    void IThreadPoolWorkItem.Execute() => ReceiveNext();

    protected override void OnCompleted(SocketAsyncEventArgs e)
    {
        if (Handled())
        {
            ReceiveNext();
        }
    }

    /// <summary>Receives until a receive is pending (its completion comes back to <see cref="OnCompleted"/>) or the end.</summary>
    private void ReceiveNext()
    {
        while (!_relay.IsDisposed)
        {
            bool pending;
            try
            {
                pending = _socket.ReceiveFromAsync(this);
            }
            catch (ObjectDisposedException)
            {
                // Closed between the check and the call: the rare way the loop still meets an exception.
                break;
            }

            if (pending || !Handled())
            {
                return;
            }
        }

        End();
    }

    /// <summary>Handles a completed receive; false when the loop must not go on at once (ended, or pausing).</summary>
    private bool Handled()
    {
        if (SocketError is SocketError.OperationAborted or SocketError.Interrupted || _relay.IsDisposed)
        {
            End();
            return false;
        }

        if (SocketError != SocketError.Success)
        {
            // ICMP resets and oversized datagrams where the OS reports them (Windows) cost one datagram. A socket
            // that keeps failing gets a short pause instead of a spinning core.
            _leg.Counters.ReceiveFailed();
            if (++_failuresInARow < MaxFailuresInARow)
            {
                return true;
            }

            _failuresInARow = 0;
            Task.Delay(FailurePause).ContinueWith(static (_, state) => ((RelayReceiver)state!).ReceiveNext(), this, TaskScheduler.Default);
            return false;
        }

        _failuresInARow = 0;
        var length = BytesTransferred;
        if (length > _limit)
        {
            _leg.Counters.ReceiveFailed();
            return true;
        }

        _relay.HandleDatagram(_leg, _rtcp, _buffer.AsSpan(0, length), SourceAddress());
        return true;
    }

    /// <summary>The datagram's source as the handlers take it, made anew only when the source changes.</summary>
    private SocketAddress SourceAddress()
    {
        // The event args replace their endpoint object only for a new source; compared by value all the same.
        if (RemoteEndPoint is IPEndPoint from && (from.Port != _sourceEndPoint.Port || !from.Address.Equals(_sourceEndPoint.Address)))
        {
            _sourceEndPoint = from;
            _source = from.Serialize();
        }

        return _source;
    }

    private void End()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        _buffers.Return(_buffer);
        Dispose();
        _relay.ReceiverEnded();
    }
}
