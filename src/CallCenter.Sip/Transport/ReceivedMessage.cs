using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Transport;

/// <summary>A parsed, validated message as the transport hands it up: where it came from and where it arrived.</summary>
public sealed record ReceivedMessage(SipMessage Message, SipEndPoint Remote, SipEndPoint Local);
