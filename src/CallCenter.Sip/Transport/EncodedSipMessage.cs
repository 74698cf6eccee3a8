using CallCenter.Sip.Messages;
using CallCenter.Sip.Serialization;

namespace CallCenter.Sip.Transport;

/// <summary>
/// A message already serialized, with what the transport needs to route it: what a transaction that only waits
/// for retransmissions keeps instead of the parsed message, so its headers and strings can be collected while the
/// transaction lingers (timers D, I, J: 32 s over UDP).
/// </summary>
public sealed class EncodedSipMessage
{
    private EncodedSipMessage(byte[] bytes, bool isResponse, SipResponseDestination? responseTarget)
    {
        Buffer = bytes;
        IsResponse = isResponse;
        ResponseTarget = responseTarget;
    }

    /// <summary>The wire form, exactly what <see cref="SipSerializer.Serialize"/> writes.</summary>
    public ReadOnlyMemory<byte> Bytes => Buffer;

    public bool IsResponse { get; }

    /// <summary>Where the response's top Via routes it (§18.2.2); null for a request or an unroutable Via.</summary>
    public SipResponseDestination? ResponseTarget { get; }

    public static EncodedSipMessage Encode(SipMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var bytes = SipSerializer.Serialize(message);
        if (message is not SipResponse response)
        {
            return new EncodedSipMessage(bytes, isResponse: false, responseTarget: null);
        }

        var target = response.TopVia is { } via && SipResponseRouting.TryGetDestination(via, out var destination) ? destination : (SipResponseDestination?)null;
        return new EncodedSipMessage(bytes, isResponse: true, target);
    }

    /// <summary>The same array on every send: the transport never writes to what it sends.</summary>
    internal byte[] Buffer { get; }

    /// <summary>The wire text, for logs and tests.</summary>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(Bytes.Span);
}
