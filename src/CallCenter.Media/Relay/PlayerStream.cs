using System.Security.Cryptography;

namespace CallCenter.Media.Relay;

/// <summary>
/// The RTP stream a leg's player sends: its own SSRC, with sequence and timestamp carried across every playback
/// on the leg, so the phone sees one continuous source (RFC 3550 §5.1: random starting values).
/// </summary>
internal sealed class PlayerStream
{
    private const long NotYet = long.MinValue;

    public PlayerStream()
    {
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        Ssrc = BitConverter.ToUInt32(random);
        NextSequence = BitConverter.ToUInt16(random[4..]);
        NextTimestamp = BitConverter.ToUInt32(random[6..]);
    }

    /// <summary>Taken by the player sending a frame: two playbacks overlapping for an instant never share a number.</summary>
    public object Gate { get; } = new();

    public uint Ssrc { get; }

    public ushort NextSequence { get; set; }

    public uint NextTimestamp { get; set; }

    /// <summary>When the last frame left (provider timestamp), to keep the RTP clock running across pauses.</summary>
    public long LastFrameAt { get; set; } = NotYet;

    public bool HasSent => LastFrameAt != NotYet;
}
