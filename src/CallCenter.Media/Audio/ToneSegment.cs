namespace CallCenter.Media.Audio;

/// <summary>A stretch of a tone pattern: up to two summed sine frequencies (dual-tone like ringback), or silence.</summary>
/// <param name="Duration">How long the segment lasts.</param>
/// <param name="FrequencyA">First frequency in Hz; 0 for none.</param>
/// <param name="FrequencyB">Second frequency in Hz; 0 for none.</param>
/// <param name="Level">Peak of the summed signal as a fraction of full scale (0-1).</param>
public readonly record struct ToneSegment(TimeSpan Duration, double FrequencyA = 0, double FrequencyB = 0, double Level = ToneSegment.DefaultLevel)
{
    /// <summary>About −14 dBFS: comfortable hold audio that does not clip after G.711.</summary>
    public const double DefaultLevel = 0.2;

    public static ToneSegment Silence(TimeSpan duration) => new(duration, 0, 0, 0);

    public static ToneSegment Note(double frequency, TimeSpan duration, double level = DefaultLevel) => new(duration, frequency, 0, level);

    public bool IsSilent => Level <= 0 || (FrequencyA <= 0 && FrequencyB <= 0);
}
