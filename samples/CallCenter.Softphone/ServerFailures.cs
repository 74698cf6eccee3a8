using CallCenter.Sip.Transport;

namespace CallCenter.Softphone;

/// <summary>
/// Hears the transport's failures to reach the server (a refused or failed TCP connection) and reports them at once,
/// instead of leaving the transaction to time out. Created before the softphone, which then subscribes.
/// </summary>
internal sealed class ServerFailures(SipEndPoint server) : ISipTransportObserver
{
    private volatile Action? _onFailure;

    public void Subscribe(Action onFailure) => _onFailure = onFailure;

    public void OnNotice(SipTransportNotice notice)
    {
        if (notice.Kind is SipTransportNoticeKind.SendFailed or SipTransportNoticeKind.SocketError
            && notice.Remote is { } remote && remote.Protocol == server.Protocol && remote.Address.Equals(server.Address))
        {
            _onFailure?.Invoke();
        }
    }
}
