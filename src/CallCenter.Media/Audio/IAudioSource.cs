namespace CallCenter.Media.Audio;

/// <summary>Endless 8 kHz mono 16-bit audio, pulled one frame at a time by a player's timer.</summary>
public interface IAudioSource
{
    /// <summary>Fills the whole span with the next samples (sources loop or pad with silence; they never run dry).</summary>
    void Read(Span<short> samples);
}
