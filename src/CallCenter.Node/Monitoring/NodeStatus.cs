using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Hosting;
using CallCenter.Actors.Agents;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Gateway;
using CallCenter.Actors.Queues;
using CallCenter.Node.Config;

namespace CallCenter.Node.Monitoring;

/// <summary>One line of JSON describing the running node: its listeners, agents, open calls and recent calls' media.</summary>
public static class NodeStatus
{
    /// <summary>Lines of the status command start with this, so scripts can find them among the log lines.</summary>
    public const string Prefix = "STATUS ";

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<string> DescribeAsync(ActorRegistry registry, NodeConfiguration configuration, CancellationToken cancellationToken)
    {
        var agents = registry.Get<AgentActor>();
        // All agents at once: asked one after another, a thousand agents busy journaling registrations took longer
        // than the status is willing to wait.
        var agentStates = await Task.WhenAll(configuration.Agents.Select(async agent =>
        {
            var state = (await agents.Ask<AgentQueries.AgentStateResult>(new AgentQueries.GetAgentState(agent.Id), AskTimeout, cancellationToken)).State;
            return new AgentLine(agent.Id.Value, state.Presence.ToString(), state.Contact, state.Statistics.CallsHandled);
        }));

        var queued = 0;
        var queues = registry.Get<QueueActor>();
        foreach (var queue in configuration.Queues)
        {
            queued += (await queues.Ask<QueueQueries.QueueStateResult>(new QueueQueries.GetQueueState(queue.Id), AskTimeout, cancellationToken)).State.Calls.Length;
        }

        var open = await registry.Get<CallActor>().Ask<CallQueries.OpenCallsResult>(CallQueries.GetOpenCalls.Instance, AskTimeout, cancellationToken);
        var listening = await registry.Get<SipGatewayActor>().Ask<SipGatewayQueries.Listening>(SipGatewayQueries.GetListeners.Instance, AskTimeout, cancellationToken);
        var media = await registry.Get<NodeMonitorActor>().Ask<NodeMonitorActor.MediaReports>(NodeMonitorActor.GetMediaReports.Instance, AskTimeout, cancellationToken);
        var status = new StatusLine(
            [.. listening.EndPoints.Select(e => e.ToString())],
            agentStates,
            open.Calls.Length,
            listening.OpenCalls,
            queued,
            media.Totals,
            GC.GetTotalMemory(forceFullCollection: false),
            [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)],
            [.. media.Reports.Select(r => new MediaLine(
                r.CallId.Value, r.Customer.RtpReceived, r.Customer.RtpForwarded, r.Customer.RtpSent,
                r.Agent.RtpReceived, r.Agent.RtpForwarded, r.Agent.RtpSent))]);
        return Prefix + JsonSerializer.Serialize(status, Json);
    }

    /// <summary>
    /// Queued counts the calls in the queues (waiting or ringing); MediaTotals sums every ended call's RTP counters;
    /// ManagedBytes is the GC heap as last measured (the <c>collect</c> command measures it after a full collection);
    /// GcCollections counts collections of generations 0, 1 and 2.
    /// </summary>
    public sealed record StatusLine(
        IReadOnlyList<string> Listeners,
        IReadOnlyList<AgentLine> Agents,
        int OpenCalls,
        int SipCalls,
        int Queued,
        MediaTotals MediaTotals,
        long ManagedBytes,
        IReadOnlyList<int> GcCollections,
        IReadOnlyList<MediaLine> Media);

    public sealed record AgentLine(string Id, string Presence, string? Contact, int CallsHandled);

    /// <summary>Per phone: RTP packets it sent to the relay, how many of them reached the other phone, and how many the
    /// relay sent it (relayed from the other phone, or hold audio).</summary>
    public sealed record MediaLine(
        string CallId, long CustomerSent, long CustomerRelayed, long CustomerHeard, long AgentSent, long AgentRelayed, long AgentHeard);
}
