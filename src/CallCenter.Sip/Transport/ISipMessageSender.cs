using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Transport;

/// <summary>
/// The one thing the transaction and dialog layers need from the transport: send a message to an address.
/// Sends are fire-and-forget: a send that fails is logged by the transport and looks like a lost packet
/// to the layers above, which already handle loss with their timers.
/// </summary>
public interface ISipMessageSender
{
    void Send(SipMessage message, SipEndPoint destination);

    /// <summary>Sends a message serialized earlier (a transaction's retransmission), routed as the message itself would be.</summary>
    void Send(EncodedSipMessage message, SipEndPoint destination);
}
