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

    /// <summary>The status command's line: <see cref="Prefix"/> and the JSON of <see cref="ReadAsync"/>.</summary>
    public static async Task<string> DescribeAsync(ActorRegistry registry, NodeConfiguration configuration, CancellationToken cancellationToken) =>
        Prefix + ToJson(await ReadAsync(registry, configuration, cancellationToken));

    public static string ToJson(StatusLine status) => JsonSerializer.Serialize(status, Json);

    /// <exception cref="AskTimeoutException">An actor did not answer in time.</exception>
    public static async Task<StatusLine> ReadAsync(ActorRegistry registry, NodeConfiguration configuration, CancellationToken cancellationToken)
    {
        var agents = registry.Get<AgentActor>();
        // All agents at once: asked one after another, a thousand agents busy journaling registrations took longer
        // than the status is willing to wait.
        var agentStates = await Task.WhenAll(configuration.Agents.Select(async agent =>
        {
            var state = (await agents.Ask<AgentQueries.AgentStateResult>(new AgentQueries.GetAgentState(agent.Id), AskTimeout, cancellationToken)).State;
            return new AgentLine(agent.Id.Value, state.Presence.ToString(), state.Contact, state.Statistics.CallsHandled);
        }));

        var queues = registry.Get<QueueActor>();
        var queued = (await Task.WhenAll(configuration.Queues.Select(async queue =>
            (await queues.Ask<QueueQueries.QueueStateResult>(new QueueQueries.GetQueueState(queue.Id), AskTimeout, cancellationToken)).State.Calls.Length))).Sum();

        var open = await registry.Get<CallActor>().Ask<CallQueries.OpenCallsResult>(CallQueries.GetOpenCalls.Instance, AskTimeout, cancellationToken);
        var listening = await registry.Get<SipGatewayActor>().Ask<SipGatewayQueries.Listening>(SipGatewayQueries.GetListeners.Instance, AskTimeout, cancellationToken);
        var media = await registry.Get<NodeMonitorActor>().Ask<NodeMonitorActor.MediaReports>(NodeMonitorActor.GetMediaReports.Instance, AskTimeout, cancellationToken);
        return new StatusLine(
            [.. listening.EndPoints.Select(e => e.ToString())],
            agentStates.Count(a => a.Contact is not null),
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
    }

    /// <summary>
    /// RegisteredAgents counts agents with a registered phone; OpenCalls the calls in progress (arrived, not ended);
    /// SipCalls the calls whose SIP legs this node still holds; Queued counts the calls in the queues (waiting or ringing); MediaTotals sums every ended call's RTP counters;
    /// ManagedBytes is the GC heap as last measured (the <c>collect</c> command measures it after a full collection);
    /// GcCollections counts collections of generations 0, 1 and 2.
    /// </summary>
    public sealed record StatusLine(
        IReadOnlyList<string> Listeners,
        int RegisteredAgents,
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
