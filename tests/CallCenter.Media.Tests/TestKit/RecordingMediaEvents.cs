using System.Collections.Concurrent;
using System.Net;
using CallCenter.Media.Dtmf;
using CallCenter.Media.Relay;

namespace CallCenter.Media.Tests.TestKit;

/// <summary>Remembers every notification, in order, for assertions from the test thread.</summary>
internal sealed class RecordingMediaEvents : IMediaEvents
{
    public ConcurrentQueue<(MediaLegId Leg, IPEndPoint Source)> FirstPackets { get; } = new();

    public ConcurrentQueue<(MediaLegId Leg, IPEndPoint Source)> SourceChanges { get; } = new();

    public ConcurrentQueue<(MediaLegId Leg, DtmfDigitEvent Digit)> Digits { get; } = new();

    public ConcurrentQueue<(MediaLegId Leg, TimeSpan SilentFor)> Timeouts { get; } = new();

    public bool ThrowOnDtmf { get; init; }

    public void OnFirstPacket(MediaLegId leg, IPEndPoint source) => FirstPackets.Enqueue((leg, source));

    public void OnSourceChanged(MediaLegId leg, IPEndPoint source) => SourceChanges.Enqueue((leg, source));

    public void OnDtmf(MediaLegId leg, DtmfDigitEvent digit)
    {
        Digits.Enqueue((leg, digit));
        if (ThrowOnDtmf)
        {
            throw new InvalidOperationException("a careless owner");
        }
    }

    public void OnMediaTimeout(MediaLegId leg, TimeSpan silentFor) => Timeouts.Enqueue((leg, silentFor));
}
