namespace CallCenter.Media.Dtmf;

/// <summary>A key press recognised on a stream, reported once.</summary>
/// <param name="Digit">'0'-'9', '*', '#', 'A'-'D'.</param>
/// <param name="Ssrc">The stream that carried it.</param>
/// <param name="Timestamp">The event's RTP timestamp: its identity on that stream.</param>
/// <param name="Duration">Duration in timestamp units as last seen (final when <paramref name="EndSeen"/>).</param>
/// <param name="EndSeen">False when the end packets were lost and the digit was reported because the stream moved on.</param>
/// <param name="Volume">Power level, 0 to −63 dBm0, as 0-63.</param>
public readonly record struct DtmfDigitEvent(char Digit, uint Ssrc, uint Timestamp, ushort Duration, bool EndSeen, byte Volume)
{
    /// <summary>The duration as time at the event clock rate (8000 Hz for telephone-event/8000).</summary>
    public TimeSpan DurationAt(int clockRate = 8000) => TimeSpan.FromTicks(Duration * TimeSpan.TicksPerSecond / clockRate);
}
