using CallCenter.Media.Wav;

namespace CallCenter.Media.Tests.Wav;

public sealed class WavWriterSpec
{
    [Fact]
    public void Written_mono_file_should_read_back_identically()
    {
        var samples = Enumerable.Range(0, 3000).Select(i => (short)((i * 37) - 40000 % 65536)).ToArray();

        var file = WavWriter.Encode(samples, 8000, 1);
        var result = WavReader.ReadTelephony(file);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(WavWriter.HeaderLength + (2 * samples.Length), file.Length);
        Assert.Equal(samples, result.Audio.ToPcm16());
    }

    [Fact]
    public void Written_stereo_file_should_keep_channels_interleaved()
    {
        short[] samples = [1, -1, 2, -2, 3, -3];

        var result = WavReader.Read(WavWriter.Encode(samples, 16000, 2));

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal((2, 16000, 3), (result.Audio.Channels, result.Audio.SampleRate, result.Audio.FrameCount));
        Assert.Equal(samples, result.Audio.ToPcm16());
        Assert.Equal(TimeSpan.FromMilliseconds(3.0 / 16), result.Audio.Duration);
    }

    [Fact]
    public void Streaming_writer_should_patch_the_sizes_when_completed_in_pieces()
    {
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, 8000, 2, leaveOpen: true))
        {
            for (var block = 0; block < 5; block++)
            {
                writer.Write(Enumerable.Repeat((short)block, 4000).ToArray());
            }

            Assert.Equal(10000, writer.FrameCount);
        }

        var result = WavReader.Read(stream.ToArray());

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(10000, result.Audio.FrameCount);
        Assert.Equal(4, result.Audio.ToPcm16()[^1]);
    }

    [Fact]
    public void Writer_should_refuse_what_it_cannot_write()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WavWriter(new MemoryStream(), 8000, 3));
        Assert.Throws<ArgumentException>(() => new WavWriter(new NonSeekableStream(), 8000, 1));
        using var writer = new WavWriter(new MemoryStream(), 8000, 2);
        Assert.Throws<ArgumentException>(() => writer.Write([1, 2, 3]));
        writer.Complete();
        Assert.Throws<ObjectDisposedException>(() => writer.Write([1, 2]));
    }

    private sealed class NonSeekableStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
