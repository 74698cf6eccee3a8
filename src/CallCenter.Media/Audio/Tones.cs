namespace CallCenter.Media.Audio;

/// <summary>Ready-made patterns for a waiting caller.</summary>
public static class Tones
{
    /// <summary>North American ringback (ANSI T1.401): 440 + 480 Hz, 2 s on, 4 s off.</summary>
    public static IReadOnlyList<ToneSegment> Ringback { get; } =
    [
        new(TimeSpan.FromSeconds(2), 440, 480),
        ToneSegment.Silence(TimeSpan.FromSeconds(4)),
    ];

    /// <summary>European ringback (ETSI TR 101 041): 425 Hz, 1 s on, 4 s off.</summary>
    public static IReadOnlyList<ToneSegment> EuropeanRingback { get; } =
    [
        new(TimeSpan.FromSeconds(1), 425),
        ToneSegment.Silence(TimeSpan.FromSeconds(4)),
    ];

    /// <summary>A gentle hold melody: the opening of the traditional "Twinkle, Twinkle, Little Star", then a rest.</summary>
    public static IReadOnlyList<ToneSegment> HoldMelody { get; } = Melody(
        [("C4", 1), ("C4", 1), ("G4", 1), ("G4", 1), ("A4", 1), ("A4", 1), ("G4", 2),
         ("F4", 1), ("F4", 1), ("E4", 1), ("E4", 1), ("D4", 1), ("D4", 1), ("C4", 2)],
        beat: TimeSpan.FromMilliseconds(300),
        rest: TimeSpan.FromSeconds(1.5));

    /// <summary>The hold melody rendered once, shared by every caller on hold.</summary>
    public static AudioClip HoldMusicClip => HoldMusicRendered.Value;

    /// <summary>The ringback rendered once, shared by every caller hearing it.</summary>
    public static AudioClip RingbackClip => RingbackRendered.Value;

    /// <summary>Hold music for one caller: the shared melody, looped from its start.</summary>
    public static IAudioSource CreateHoldMusic() => HoldMusicClip.CreateSource();

    public static IAudioSource CreateRingback() => RingbackClip.CreateSource();

    private static readonly Lazy<AudioClip> HoldMusicRendered = new(() => AudioClip.Render(HoldMelody));

    private static readonly Lazy<AudioClip> RingbackRendered = new(() => AudioClip.Render(Ringback));

    private static ToneSegment[] Melody((string Note, int Beats)[] notes, TimeSpan beat, TimeSpan rest)
    {
        // A short gap after each note keeps repeated notes distinct.
        var gap = TimeSpan.FromMilliseconds(40);
        var segments = new List<ToneSegment>();
        foreach (var (note, beats) in notes)
        {
            segments.Add(ToneSegment.Note(Frequency(note), (beat * beats) - gap));
            segments.Add(ToneSegment.Silence(gap));
        }

        segments.Add(ToneSegment.Silence(rest));
        return [.. segments];
    }

    /// <summary>Equal temperament from A4 = 440 Hz, for the natural notes of octave 4.</summary>
    private static double Frequency(string note)
    {
        var semitonesFromA = note[0] switch
        {
            'C' => -9,
            'D' => -7,
            'E' => -5,
            'F' => -4,
            'G' => -2,
            'A' => 0,
            'B' => 2,
            _ => throw new ArgumentException($"unknown note {note}", nameof(note)),
        };
        var octave = note[1] - '4';
        return 440.0 * Math.Pow(2, semitonesFromA / 12.0 + octave);
    }
}
