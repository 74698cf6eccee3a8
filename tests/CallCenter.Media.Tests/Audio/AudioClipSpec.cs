using CallCenter.Media.Audio;
using CallCenter.Media.Codecs;

namespace CallCenter.Media.Tests.Audio;

public sealed class AudioClipSpec
{
    [Fact]
    public void Hold_music_should_be_rendered_once_and_shared_by_every_caller()
    {
        var first = (LoopingAudioSource)Tones.CreateHoldMusic();
        var second = (LoopingAudioSource)Tones.CreateHoldMusic();

        Assert.Same(Tones.HoldMusicClip, Tones.HoldMusicClip);
        Assert.NotSame(first, second);
        Assert.Equal(ToneGenerator.Render(Tones.HoldMelody), Tones.HoldMusicClip.Samples.ToArray());
        Assert.True(Tones.HoldMusicClip.Encoded(G711Codec.ALaw) == Tones.HoldMusicClip.Encoded(G711Codec.ALaw), "encoded once: the same memory each time");
    }

    [Fact]
    public void Each_source_should_start_at_the_melodys_start_whatever_the_others_have_played()
    {
        var rendering = ToneGenerator.Render(Tones.HoldMelody);
        var early = Tones.CreateHoldMusic();
        var skipped = new byte[G711.SamplesPerFrame];
        for (var i = 0; i < 7; i++)
        {
            early.ReadG711(G711Codec.ALaw, skipped);
        }

        var late = Tones.CreateHoldMusic();
        var frame = new byte[G711.SamplesPerFrame];
        late.ReadG711(G711Codec.ALaw, frame);

        Assert.Equal(Encode(G711Codec.ALaw, rendering.AsSpan(0, G711.SamplesPerFrame)), frame);
        Assert.Equal(0, ((LoopingAudioSource)Tones.CreateHoldMusic()).Position);
        Assert.Equal(7 * G711.SamplesPerFrame, ((LoopingAudioSource)early).Position);
    }

    [Fact]
    public void Sources_sharing_a_clip_should_keep_independent_positions_and_play_the_rendering_in_either_law()
    {
        var rendering = ToneGenerator.Render(Tones.HoldMelody);
        var a = Tones.HoldMusicClip.CreateSource();
        var b = Tones.HoldMusicClip.CreateSource();
        var frame = new byte[G711.SamplesPerFrame];
        var samples = new short[G711.SamplesPerFrame];

        // Interleaved reads, different laws, past the loop's end: each source follows the rendering on its own.
        var frames = (rendering.Length / G711.SamplesPerFrame) + 3;
        for (var n = 0; n < frames; n++)
        {
            a.ReadG711(G711Codec.ALaw, frame);
            Assert.Equal(Encode(G711Codec.ALaw, Expected(rendering, n)), frame);
            if (n % 2 == 0)
            {
                b.ReadG711(G711Codec.MuLaw, frame);
                Assert.Equal(Encode(G711Codec.MuLaw, Expected(rendering, n / 2)), frame);
            }
        }

        var c = Tones.HoldMusicClip.CreateSource();
        c.Read(samples);
        Assert.Equal(rendering[..G711.SamplesPerFrame], samples);
    }

    [Fact]
    public void A_clip_should_refuse_no_samples()
    {
        Assert.Throws<ArgumentException>(() => new AudioClip([]));
    }

    /// <summary>Frame <paramref name="n"/> of the rendering looped: what a caller hears in its n-th packet.</summary>
    private static short[] Expected(short[] rendering, int n)
    {
        var frame = new short[G711.SamplesPerFrame];
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = rendering[((n * G711.SamplesPerFrame) + i) % rendering.Length];
        }

        return frame;
    }

    private static byte[] Encode(G711Codec codec, ReadOnlySpan<short> samples)
    {
        var codes = new byte[samples.Length];
        G711.Encode(codec, samples, codes);
        return codes;
    }
}
