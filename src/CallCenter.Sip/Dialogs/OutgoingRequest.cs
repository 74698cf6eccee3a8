using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Dialogs;

/// <summary>A request ready for a client transaction (or, for ACK, the transport) and the URI of its next hop.</summary>
public sealed record OutgoingRequest(SipRequest Request, SipUri NextHop);

/// <summary>The ACK we sent for a 2xx, kept so a retransmitted 2xx gets the same ACK again (§13.2.2.4).</summary>
public sealed record SentAck(long Sequence, OutgoingRequest Ack);
