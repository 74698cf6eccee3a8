namespace CallCenter.Media.Wav;

/// <summary>The sample encodings this project reads and writes.</summary>
public enum WavSampleFormat
{
    /// <summary>16-bit signed little-endian PCM (format tag 1).</summary>
    Pcm16,

    /// <summary>8-bit G.711 μ-law (format tag 7).</summary>
    MuLaw,

    /// <summary>8-bit G.711 A-law (format tag 6).</summary>
    ALaw,
}
