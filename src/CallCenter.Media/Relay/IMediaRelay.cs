using CallCenter.Media.Audio;

namespace CallCenter.Media.Relay;

/// <summary>
/// The media of one call, as the CallActor drives it: two legs, hold audio for the waiting caller, then a bridge.
/// Packets never leave the relay's own loops; the owner hears only <see cref="IMediaEvents"/>.
/// </summary>
public interface IMediaRelay : IAsyncDisposable, IDisposable
{
    IMediaLeg Customer { get; }

    IMediaLeg Agent { get; }

    /// <summary>True while packets are relayed between the legs.</summary>
    bool IsBridged { get; }

    IMediaLeg GetLeg(MediaLegId leg);

    /// <summary>
    /// Feeds a leg from <paramref name="source"/> (hold music, ringback, a prompt), replacing what it played before.
    /// While it plays, nothing from the other leg is sent to this one; the leg's own packets are still received
    /// (latching, DTMF, timeout) and relayed only when bridged.
    /// </summary>
    void StartPlayback(MediaLegId leg, IAudioSource source);

    void StopPlayback(MediaLegId leg);

    bool IsPlaying(MediaLegId leg);

    /// <summary>Stops any playback and relays both ways from now on.</summary>
    void Bridge();

    /// <summary>Stops relaying (the agent leg ended and the caller goes back to waiting).</summary>
    void Unbridge();
}
