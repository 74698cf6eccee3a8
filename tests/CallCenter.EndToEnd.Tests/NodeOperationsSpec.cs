using System.Globalization;
using System.Net;
using CallCenter.EndToEnd.Tests.Kit;
using CallCenter.Testing;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests;

/// <summary>The operations endpoint of a running node: readiness and the counters an operator watches.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class NodeOperationsSpec(ITestOutputHelper output)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Operations_endpoint_should_report_ready_and_count_registered_agents_active_and_queued_calls()
    {
        await using var node = await NodeProcess.StartAsync(Configurations.TwoAgents("ring-timeout = 30s"), output);

        using var health = await Http.GetAsync(new Uri(node.Http, "health"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ready\n", await health.Content.ReadAsStringAsync());
        Assert.Equal(0, await MetricAsync(node, "callcenter_registered_agents"));

        var alicePort = FreePort.Next();
        await using var alice = SippProcess.Start(
            ["-sf", TestPaths.Scenario("agent-no-answer.xml"), "-p", alicePort.ToString(CultureInfo.InvariantCulture), "-i", "127.0.0.1"], TimeSpan.FromSeconds(60));
        Assert.Equal(0, (await Phones.RegisterAsync(node, "alice", Configurations.AlicePassword, alicePort)).ExitCode);
        await WaitForMetricAsync(node, "callcenter_registered_agents", 1);

        // Alice's phone rings for 30 s without answering: meanwhile the customer's call is in progress and queued.
        await using var customer = Phones.Call(node, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(40));
        await WaitForMetricAsync(node, "callcenter_active_calls", 1);
        // The call is active as soon as it is opened, and queued a journal write later: wait for that too.
        await WaitForMetricAsync(node, "callcenter_queued_calls", 1);

        var status = await Http.GetStringAsync(new Uri(node.Http, "status"));
        Assert.Contains("\"registeredAgents\":1", status, StringComparison.Ordinal);
        Assert.Contains("\"openCalls\":1", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operations_endpoint_should_answer_unknown_paths_with_404_and_other_methods_with_405()
    {
        await using var node = await NodeProcess.StartAsync(Configurations.TwoAgents(), output);

        using var missing = await Http.GetAsync(new Uri(node.Http, "admin"));
        using var post = await Http.PostAsync(new Uri(node.Http, "health"), new StringContent(""));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    private static async Task<long> MetricAsync(NodeProcess node, string name)
    {
        var text = await Http.GetStringAsync(new Uri(node.Http, "metrics"));
        var line = text.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return long.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }

    private static async Task WaitForMetricAsync(NodeProcess node, string name, long expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        long last;
        while ((last = await MetricAsync(node, name)) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{name} stayed {last}, expected {expected}");
            await Task.Delay(100);
        }
    }
}
