namespace CallCenter.Domain;

/// <summary>How a command was taken.</summary>
public enum ResultCode
{
    /// <summary>Accepted; its events change the state.</summary>
    Ok,

    /// <summary>Accepted but already true (a duplicate or a stale timer): no events.</summary>
    NoOp,

    /// <summary>Refused; the reason says why. No events.</summary>
    Rejected,
}
