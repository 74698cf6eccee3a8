using System.Net.Sockets;

namespace CallCenter.Sip.Transport;

/// <summary>Sorts socket failures into "carry on at once" and "carry on after a pause" for the receive loops.</summary>
internal static class SocketErrors
{
    /// <summary>A pause that stops a persistently failing socket from spinning a core, short enough to go unnoticed.</summary>
    public static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Errors caused by one peer or one packet: an ICMP port unreachable reported on the next receive
    /// (ConnectionReset, on Windows and on some Linux paths), an oversized datagram, a connection reset
    /// before accept. None of them says anything about the socket itself.
    /// </summary>
    public static bool IsPerPeer(SocketError error) => error is SocketError.ConnectionReset or SocketError.ConnectionRefused
        or SocketError.ConnectionAborted or SocketError.MessageSize or SocketError.NetworkReset or SocketError.HostUnreachable
        or SocketError.NetworkUnreachable or SocketError.TimedOut;

    /// <summary>Waits <see cref="RetryPause"/> unless the error was per-peer; false when shutting down.</summary>
    public static async ValueTask<bool> PauseAfterAsync(SocketException error, TimeProvider time, CancellationToken cancellation)
    {
        if (IsPerPeer(error.SocketErrorCode))
        {
            return !cancellation.IsCancellationRequested;
        }

        try
        {
            await Task.Delay(RetryPause, time, cancellation).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
