using System.Globalization;
using System.Text;
using CallCenter.Node.Monitoring;

namespace CallCenter.Node.Operations;

/// <summary>The node's counters in the Prometheus text exposition format (version 0.0.4), which most monitoring reads.</summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Format(NodeStatus.StatusLine status, NodePhase phase)
    {
        var text = new StringBuilder();
        Gauge(text, "callcenter_active_calls", "Calls in progress on this node (arrived and not yet ended).", status.OpenCalls);
        Gauge(text, "callcenter_sip_calls", "Calls whose SIP legs this node still holds.", status.SipCalls);
        Gauge(text, "callcenter_queued_calls", "Calls in the queues, waiting or ringing an agent.", status.Queued);
        Gauge(text, "callcenter_registered_agents", "Agents with a registered phone.", status.RegisteredAgents);
        Gauge(text, "callcenter_configured_agents", "Agents in the configuration.", status.Agents.Count);
        Gauge(text, "callcenter_ready", "1 while the node takes new calls, 0 while it starts or shuts down.", phase == NodePhase.Ready ? 1 : 0);
        Counter(text, "callcenter_media_calls_total", "Calls whose media ended since the node started.", status.MediaTotals.Calls);
        Gauge(text, "callcenter_managed_bytes", "Managed heap in bytes as last measured by the GC.", status.ManagedBytes);
        return text.ToString();
    }

    private static void Gauge(StringBuilder text, string name, string help, long value) => Metric(text, name, help, "gauge", value);

    private static void Counter(StringBuilder text, string name, string help, long value) => Metric(text, name, help, "counter", value);

    private static void Metric(StringBuilder text, string name, string help, string type, long value) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n')
            .Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
