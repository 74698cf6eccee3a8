using CallCenter.Media.Rtp;

namespace CallCenter.Media.Dtmf;

/// <summary>How a key press is sent as RFC 4733 packets.</summary>
/// <param name="Duration">How long the key is held (at most 65535 timestamp units: 8.19 s at 8 kHz).</param>
/// <param name="PacketInterval">Time between updates; 20 ms matches the audio packetisation.</param>
/// <param name="Volume">0 to −63 dBm0 as 0-63; 10 is a usual level.</param>
/// <param name="EndRepeats">How many times the end packet is sent (RFC 4733 §2.5.1.4 recommends three).</param>
/// <param name="ClockRate">The telephone-event clock rate from the SDP rtpmap.</param>
public sealed record DtmfSendOptions(TimeSpan Duration, TimeSpan PacketInterval, byte Volume = 10, int EndRepeats = 3, int ClockRate = 8000)
{
    public static DtmfSendOptions Default { get; } = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(20));
}

/// <summary>Produces the packet sequence of one key press, for tests and for an IVR that sends DTMF.</summary>
public static class DtmfGenerator
{
    /// <summary>
    /// The packets of one event: updates every interval with growing duration, then the end packet repeated.
    /// All share <paramref name="first"/>'s timestamp (the event's start); sequence numbers count up from its
    /// sequence; only the first has the marker bit (§2.5.1.1).
    /// </summary>
    public static IReadOnlyList<DtmfPacket> Generate(char digit, RtpHeader first, DtmfSendOptions? options = null)
    {
        options ??= DtmfSendOptions.Default;
        if (!DtmfDigits.TryGetEventCode(digit, out var eventCode))
        {
            throw new ArgumentException($"'{digit}' is not a DTMF key (0-9, *, #, A-D)", nameof(digit));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Volume, TelephoneEvent.MaxVolume, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EndRepeats, 1, nameof(options));
        var total = ToUnits(options.Duration, options.ClockRate);
        var step = ToUnits(options.PacketInterval, options.ClockRate);
        if (total is <= 0 or > ushort.MaxValue || step <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "duration must be 1-65535 timestamp units and the interval positive");
        }

        var packets = new List<DtmfPacket>();
        var sequence = first.SequenceNumber;
        for (var duration = step; duration < total; duration += step)
        {
            packets.Add(Packet(first, sequence++, packets.Count == 0, new TelephoneEvent(eventCode, false, options.Volume, (ushort)duration)));
        }

        for (var repeat = 0; repeat < options.EndRepeats; repeat++)
        {
            packets.Add(Packet(first, sequence++, packets.Count == 0, new TelephoneEvent(eventCode, true, options.Volume, (ushort)total)));
        }

        return packets;
    }

    private static DtmfPacket Packet(RtpHeader first, ushort sequence, bool marker, TelephoneEvent telephoneEvent) =>
        new(first with { SequenceNumber = sequence, Marker = marker }, telephoneEvent);

    private static long ToUnits(TimeSpan time, int clockRate) => time.Ticks * clockRate / TimeSpan.TicksPerSecond;
}
