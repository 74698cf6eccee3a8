using CallCenter.Media.Codecs;

namespace CallCenter.Media.Audio;

/// <summary>A source that holds its audio already encoded: a player copies its frames instead of encoding them.</summary>
public interface IEncodedAudioSource : IAudioSource
{
    /// <summary>Fills <paramref name="frame"/> with the next samples encoded by <paramref name="codec"/>, advancing as <see cref="IAudioSource.Read"/> does.</summary>
    void ReadEncoded(G711Codec codec, Span<byte> frame);
}
