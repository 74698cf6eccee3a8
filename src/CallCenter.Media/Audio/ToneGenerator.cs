namespace CallCenter.Media.Audio;

/// <summary>
/// Renders tone patterns to 16-bit samples once, so playing them costs a copy per frame. Each tone segment starts
/// at phase zero and fades in and out over a few milliseconds: cadence edges and note changes do not click.
/// </summary>
public static class ToneGenerator
{
    public const int DefaultSampleRate = 8000;

    private static readonly TimeSpan Ramp = TimeSpan.FromMilliseconds(4);

    public static short[] Render(IEnumerable<ToneSegment> segments, int sampleRate = DefaultSampleRate)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        var samples = new List<short>();
        foreach (var segment in segments)
        {
            Append(samples, segment, sampleRate);
        }

        return [.. samples];
    }

    private static void Append(List<short> samples, ToneSegment segment, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segment.Duration, TimeSpan.Zero, nameof(segment));
        var nyquist = sampleRate / 2.0;
        if (segment.FrequencyA >= nyquist || segment.FrequencyB >= nyquist || segment.Level > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(segment), $"frequencies must stay below {nyquist} Hz and the level at most 1");
        }

        var count = (int)(segment.Duration.Ticks * sampleRate / TimeSpan.TicksPerSecond);
        if (segment.IsSilent)
        {
            samples.AddRange(new short[count]);
            return;
        }

        var components = (segment.FrequencyA > 0 ? 1 : 0) + (segment.FrequencyB > 0 ? 1 : 0);
        var amplitude = segment.Level * short.MaxValue / components;
        var ramp = Math.Max(1, (int)(Ramp.Ticks * sampleRate / TimeSpan.TicksPerSecond));
        for (var n = 0; n < count; n++)
        {
            var t = (double)n / sampleRate;
            var value = Sine(segment.FrequencyA, t) + Sine(segment.FrequencyB, t);
            var envelope = Math.Min(1.0, Math.Min(n + 1, count - n) / (double)ramp);
            samples.Add((short)Math.Round(amplitude * envelope * value));
        }
    }

    private static double Sine(double frequency, double t) => frequency > 0 ? Math.Sin(2 * Math.PI * frequency * t) : 0;
}
