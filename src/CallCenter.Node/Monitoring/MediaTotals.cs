using CallCenter.Actors.Gateway.Legs;
using CallCenter.Media.Relay;

namespace CallCenter.Node.Monitoring;

/// <summary>
/// RTP counters summed over every call the node has ended since it started (not only the recent ones the status
/// lists), so a load run can tell relayed from lost packets over thousands of calls.
/// </summary>
public sealed record MediaTotals
{
    public static MediaTotals Empty { get; } = new();

    public long Calls { get; init; }

    public LegTotals Customer { get; init; } = LegTotals.Empty;

    public LegTotals Agent { get; init; } = LegTotals.Empty;

    public MediaTotals Add(CallMediaReport report) => this with
    {
        Calls = Calls + 1,
        Customer = Customer.Add(report.Customer),
        Agent = Agent.Add(report.Agent),
    };

    /// <summary>One leg's packets: Received from its phone = Forwarded + Held (not bridged, by design) + Lost.</summary>
    public sealed record LegTotals(long Received, long Forwarded, long Held, long Lost, long Sent, long ReceiveErrors)
    {
        public static LegTotals Empty { get; } = new(0, 0, 0, 0, 0, 0);

        public LegTotals Add(MediaLegStatistics leg) => new(
            Received + leg.RtpReceived,
            Forwarded + leg.RtpForwarded,
            Held + leg.RtpHeld,
            Lost + (leg.RtpDropped - leg.RtpHeld),
            Sent + leg.RtpSent,
            ReceiveErrors + leg.ReceiveErrors);
    }
}
