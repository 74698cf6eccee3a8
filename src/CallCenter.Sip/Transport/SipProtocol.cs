namespace CallCenter.Sip.Transport;

/// <summary>The transport a message travels on (the Via transport token).</summary>
public enum SipProtocol
{
    Udp,
    Tcp,
}

public static class SipProtocolExtensions
{
    /// <summary>Reliable transports get no retransmissions and zero-length wait timers (RFC 3261 §17, Table 4).</summary>
    public static bool IsReliable(this SipProtocol protocol) => protocol != SipProtocol.Udp;

    public static string ViaToken(this SipProtocol protocol) => protocol == SipProtocol.Udp ? "UDP" : "TCP";

    public static bool TryParse(string? token, out SipProtocol protocol)
    {
        protocol = SipProtocol.Udp;
        if (string.Equals(token, "UDP", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        protocol = SipProtocol.Tcp;
        return string.Equals(token, "TCP", StringComparison.OrdinalIgnoreCase);
    }
}
