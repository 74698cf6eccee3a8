using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>Stands in for the transport: remembers what was sent where.</summary>
internal sealed class RecordingSender : ISipMessageSender
{
    private readonly object _gate = new();
    private readonly List<(SipMessage Message, SipEndPoint Destination)> _sent = [];

    public IReadOnlyList<(SipMessage Message, SipEndPoint Destination)> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToList();
            }
        }
    }

    public IReadOnlyList<SipResponse> Responses => Sent.Select(s => s.Message).OfType<SipResponse>().ToList();

    public IReadOnlyList<SipRequest> Requests => Sent.Select(s => s.Message).OfType<SipRequest>().ToList();

    public void Send(SipMessage message, SipEndPoint destination)
    {
        lock (_gate)
        {
            _sent.Add((message, destination));
        }
    }

    /// <summary>Recorded as the message it encodes, so specs read retransmissions like first sends.</summary>
    public void Send(EncodedSipMessage message, SipEndPoint destination) => Send(Wire.Decode(message), destination);

    public void Clear()
    {
        lock (_gate)
        {
            _sent.Clear();
        }
    }
}
