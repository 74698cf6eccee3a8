using System.Net;
using CallCenter.Media.Dtmf;

namespace CallCenter.Media.Relay;

/// <summary>
/// What a relay tells its owner. Called on the relay's receive loops and timer threads: implementations must be
/// quick and must not block (the CallActor's adapter just Tells itself a message). Exceptions are caught and
/// counted in <see cref="MediaRelay.EventHandlerFailures"/>, never allowed to stop a loop.
/// </summary>
public interface IMediaEvents
{
    /// <summary>The first RTP packet from a leg's phone arrived (media is flowing; the latch is set).</summary>
    void OnFirstPacket(MediaLegId leg, IPEndPoint source);

    /// <summary>A leg's RTP now comes from, and goes to, another address.</summary>
    void OnSourceChanged(MediaLegId leg, IPEndPoint source);

    /// <summary>A key pressed on a leg, reported once per press (RFC 4733).</summary>
    void OnDtmf(MediaLegId leg, DtmfDigitEvent digit);

    /// <summary>No valid RTP from a leg for the configured media timeout; reported once until media resumes.</summary>
    void OnMediaTimeout(MediaLegId leg, TimeSpan silentFor);
}

/// <summary>An owner that listens to nothing.</summary>
public sealed class NoMediaEvents : IMediaEvents
{
    public static NoMediaEvents Instance { get; } = new();

    private NoMediaEvents()
    {
    }

    public void OnFirstPacket(MediaLegId leg, IPEndPoint source)
    {
    }

    public void OnSourceChanged(MediaLegId leg, IPEndPoint source)
    {
    }

    public void OnDtmf(MediaLegId leg, DtmfDigitEvent digit)
    {
    }

    public void OnMediaTimeout(MediaLegId leg, TimeSpan silentFor)
    {
    }
}
