namespace CallCenter.Sip.Transport;

public enum SipTransportNoticeKind
{
    /// <summary>Bytes that did not parse; answered or dropped.</summary>
    ParseError,

    /// <summary>An inbound message discarded: unanswerable, queue full, response without Via.</summary>
    Dropped,

    /// <summary>An outbound message that could not be written or routed.</summary>
    SendFailed,

    /// <summary>A socket operation failed; the loop carries on.</summary>
    SocketError,

    ConnectionOpened,

    ConnectionClosed,

    /// <summary>A connection refused because the connection limit was reached.</summary>
    ConnectionRejected,
}

/// <summary>One thing worth logging that happened inside the transport.</summary>
public readonly record struct SipTransportNotice(SipTransportNoticeKind Kind, SipEndPoint? Remote, string Detail, Exception? Error = null)
{
    public override string ToString() => $"{Kind} {Remote}: {Detail}{(Error is null ? "" : " (" + Error.Message + ")")}";
}

/// <summary>
/// Receives the transport's notices (the host adapts them to its logger). Called on socket threads: keep it quick,
/// and never block. An exception thrown here is swallowed so the transport keeps running.
/// </summary>
public interface ISipTransportObserver
{
    void OnNotice(SipTransportNotice notice);
}
