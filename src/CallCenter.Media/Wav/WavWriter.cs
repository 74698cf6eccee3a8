using System.Buffers;
using System.Buffers.Binary;

namespace CallCenter.Media.Wav;

/// <summary>
/// Writes 16-bit PCM WAV (mono or stereo, any rate) to a seekable stream as samples come, as a recorder does:
/// the header goes out first with zero sizes and <see cref="Complete"/> (or disposal) fills them in.
/// </summary>
public sealed class WavWriter : IDisposable
{
    public const int HeaderLength = 44;

    private const int ChunkBytes = 4096;
    private const long MaxDataBytes = uint.MaxValue - HeaderLength;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly long _start;
    private long _dataBytes;
    private bool _completed;

    public WavWriter(Stream stream, int sampleRate, int channels, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite || !stream.CanSeek)
        {
            throw new ArgumentException("the stream must be writable and seekable (sizes are patched at the end)", nameof(stream));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 2);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _start = stream.Position;
        SampleRate = sampleRate;
        Channels = channels;
        Span<byte> header = stackalloc byte[HeaderLength];
        WriteHeader(header, sampleRate, channels, 0);
        _stream.Write(header);
    }

    public int SampleRate { get; }

    public int Channels { get; }

    /// <summary>Samples per channel written so far.</summary>
    public long FrameCount => _dataBytes / (2 * Channels);

    /// <summary>Appends samples, channels interleaved (left, right, left, … for stereo).</summary>
    public void Write(ReadOnlySpan<short> interleaved)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (interleaved.Length % Channels != 0)
        {
            throw new ArgumentException($"{interleaved.Length} samples do not divide into {Channels} channels", nameof(interleaved));
        }

        if (_dataBytes + (2L * interleaved.Length) > MaxDataBytes)
        {
            throw new InvalidOperationException("a WAV file cannot hold more than 4 GiB of audio");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            while (!interleaved.IsEmpty)
            {
                var count = Math.Min(interleaved.Length, ChunkBytes / 2);
                for (var i = 0; i < count; i++)
                {
                    BinaryPrimitives.WriteInt16LittleEndian(buffer.AsSpan(2 * i), interleaved[i]);
                }

                _stream.Write(buffer, 0, 2 * count);
                _dataBytes += 2 * count;
                interleaved = interleaved[count..];
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes the final sizes into the header and leaves the stream positioned after the audio.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        var end = _stream.Position;
        Span<byte> header = stackalloc byte[HeaderLength];
        WriteHeader(header, SampleRate, Channels, _dataBytes);
        _stream.Position = _start;
        _stream.Write(header);
        _stream.Position = end;
        _stream.Flush();
    }

    public void Dispose()
    {
        Complete();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    /// <summary>A whole WAV file in memory.</summary>
    public static byte[] Encode(ReadOnlySpan<short> interleaved, int sampleRate, int channels)
    {
        using var memory = new MemoryStream(HeaderLength + (2 * interleaved.Length));
        using (var writer = new WavWriter(memory, sampleRate, channels, leaveOpen: true))
        {
            writer.Write(interleaved);
        }

        return memory.ToArray();
    }

    private static void WriteHeader(Span<byte> header, int sampleRate, int channels, long dataBytes)
    {
        const int bitsPerSample = 16;
        var blockAlign = channels * bitsPerSample / 8;
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(HeaderLength - 8 + dataBytes));
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], bitsPerSample);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], (uint)dataBytes);
    }
}
