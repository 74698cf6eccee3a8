using CallCenter.Node.Monitoring;
using CallCenter.Node.Operations;

namespace CallCenter.Node.Tests;

public sealed class PrometheusTextSpec
{
    [Fact]
    public void Metrics_should_carry_active_queued_and_registered_counts_each_with_help_and_type()
    {
        var status = new NodeStatus.StatusLine(
            ["UDP:127.0.0.1:5060"], 2,
            [new("alice", "OnCall", "sip:alice@1.2.3.4", 1), new("bob", "Available", "sip:bob@1.2.3.5", 0), new("carol", "Offline", null, 0)],
            OpenCalls: 3, SipCalls: 4, Queued: 1, MediaTotals.Empty, ManagedBytes: 1234, [0, 0, 0], []);

        var lines = PrometheusText.Format(status, NodePhase.Ready).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("callcenter_active_calls 3", lines);
        Assert.Contains("callcenter_sip_calls 4", lines);
        Assert.Contains("callcenter_queued_calls 1", lines);
        Assert.Contains("callcenter_registered_agents 2", lines);
        Assert.Contains("callcenter_configured_agents 3", lines);
        Assert.Contains("callcenter_ready 1", lines);
        Assert.Contains("# TYPE callcenter_active_calls gauge", lines);
        Assert.All(lines.Where(l => !l.StartsWith('#')), l =>
        {
            var name = l.Split(' ')[0];
            Assert.Contains($"# HELP {name} ", string.Join('\n', lines), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(NodePhase.Starting)]
    [InlineData(NodePhase.Stopping)]
    public void Metrics_should_say_not_ready_while_the_node_starts_or_stops(NodePhase phase)
    {
        var status = new NodeStatus.StatusLine([], 0, [], 0, 0, 0, MediaTotals.Empty, 0, [0, 0, 0], []);

        Assert.Contains("callcenter_ready 0", PrometheusText.Format(status, phase).Split('\n'));
    }

    [Fact]
    public void Readiness_should_not_return_to_ready_once_stopping()
    {
        var readiness = new NodeReadiness();
        Assert.Equal(NodePhase.Starting, readiness.Phase);

        readiness.Stopping();
        readiness.Ready();

        Assert.Equal(NodePhase.Stopping, readiness.Phase);
    }
}
