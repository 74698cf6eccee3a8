using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CallCenter.Testing;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests.Kit;

/// <summary>
/// The real node (CallCenter.Node.dll) in its own process on 127.0.0.1, with a temp SQLite file, free ports and the
/// given configuration. Its output is kept (and copied to the test log); <c>status</c> is asked through stdin.
/// Disposal sends <c>quit</c>, then kills the process if it has not stopped within a bound.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    public const string ReadyLine = "CallCenter node ready";
    private const string StatusPrefix = "STATUS ";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static readonly TimeSpan StatusRetryBound = TimeSpan.FromSeconds(30);

    private readonly ChildProcess _process;
    private readonly ITestOutputHelper _output;

    private NodeProcess(ChildProcess process, ITestOutputHelper output, string directory, int sipPort, int httpPort)
    {
        _process = process;
        _output = output;
        Directory = directory;
        SipPort = sipPort;
        HttpPort = httpPort;
    }

    public string Directory { get; }

    public int SipPort { get; }

    /// <summary>The operations endpoint (/health, /metrics, /status) on 127.0.0.1.</summary>
    public int HttpPort { get; }

    public Uri Http => new($"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}/");

    public string Database => Path.Combine(Directory, "callcenter.db");

    public string Endpoint => $"127.0.0.1:{SipPort.ToString(CultureInfo.InvariantCulture)}";

    // Nodes of one test run take turns through 20000-29999 in blocks of 200, from a random start so that two test
    // runs on one machine rarely meet: random blocks alone let two nodes of one run share a range now and then, and
    // the second node's callers got 503 for want of RTP ports.
    private const int MediaRangeSize = 200;
    private static int _nextMediaRange = Random.Shared.Next(0, 50);

    private static int NextMediaRange() => 20_000 + (Interlocked.Increment(ref _nextMediaRange) % 50 * MediaRangeSize);

    /// <summary>Starts the node with <paramref name="configuration"/> and extra command-line <paramref name="options"/>
    /// (e.g. --cluster-port, --seed, after the kit's own); returns once it prints its ready line. A null configuration
    /// starts it as a newcomer would, without --config and --db (the built-in sample, callcenter.db in its directory).</summary>
    public static async Task<NodeProcess> StartAsync(
        string? configuration, ITestOutputHelper output, TimeSpan? startTimeout = null, IReadOnlyList<string>? options = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("callcenter-e2e-").FullName;
        var configFile = Path.Combine(directory, "callcenter.hocon");
        if (configuration is not null)
        {
            await File.WriteAllTextAsync(configFile, configuration);
        }

        var sipPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var rtpBase = NextMediaRange();
        string[] fileOptions = configuration is null ? [] : ["--config", configFile, "--db", Path.Combine(directory, "callcenter.db")];
        string[] arguments =
        [
            "--sip-port", sipPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--rtp-ports", $"{rtpBase}-{rtpBase + MediaRangeSize - 1}",
            "--http-port", httpPort.ToString(CultureInfo.InvariantCulture), .. fileOptions, .. options ?? [],
        ];
        var process = ChildProcess.Start("the node", TestPaths.NodeAssembly, arguments, info =>
        {
            info.WorkingDirectory = directory;
            info.RedirectStandardInput = true;
        });
        var node = new NodeProcess(process, output, directory, sipPort, httpPort);
        try
        {
            await node.WaitForLineAsync(l => l.Contains(ReadyLine, StringComparison.Ordinal), startTimeout ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            // Not ready: stop it here, or it would outlive the test; its output goes to the log.
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    /// <summary>Runs the node with a configuration (and extra options) that should make it exit on its own; kills it after
    /// <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string configuration, TimeSpan timeout, params string[] options)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("callcenter-e2e-").FullName;
        try
        {
            var configFile = Path.Combine(directory, "callcenter.hocon");
            await File.WriteAllTextAsync(configFile, configuration);
            using var process = ChildProcess.Start(
                "the node", TestPaths.NodeAssembly, ["--config", configFile, .. options], info => info.WorkingDirectory = directory);
            try
            {
                return (await process.WaitForExitAsync(timeout), string.Join('\n', process.Lines));
            }
            catch (TimeoutException)
            {
                process.Kill();
                return (-1, string.Join('\n', process.Lines) + "\n[killed after the deadline]");
            }
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Every line the node printed so far.</summary>
    public IReadOnlyList<string> Lines => _process.Lines;

    /// <summary>Waits for a line (already printed or still to come) that matches.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, int after = 0) =>
        _process.WaitForLineAsync(match, timeout, after);

    /// <summary>
    /// Asks the node for its status (agents, open calls, recent calls' media). A node may answer that it could not
    /// gather one in time (an entity still starting, a cluster shard moving on a loaded machine); that is asked again,
    /// and only a node that never answers within the bound fails the caller.
    /// </summary>
    public async Task<NodeStatusLine> StatusAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var after = Lines.Count;
            await _process.Process.StandardInput.WriteLineAsync("status");
            await _process.Process.StandardInput.FlushAsync();
            var line = await WaitForLineAsync(l => l.StartsWith(StatusPrefix, StringComparison.Ordinal), TimeSpan.FromSeconds(15), after);
            var status = JsonSerializer.Deserialize<NodeStatusLine>(line[StatusPrefix.Length..], Json)
                ?? throw new InvalidOperationException($"unreadable status: {line}");
            if (status.Error is null)
            {
                return status;
            }

            if (stopwatch.Elapsed > StatusRetryBound)
            {
                throw new TimeoutException($"the node answered no status within {StatusRetryBound}: {line}");
            }
        }
    }

    /// <summary>Polls the status until <paramref name="condition"/> holds; the last status is in the failure message.</summary>
    public async Task<NodeStatusLine> WaitForStatusAsync(Func<NodeStatusLine, bool> condition, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var status = await StatusAsync();
            if (condition(status))
            {
                return status;
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException($"the node's status never matched within {timeout}; last: {JsonSerializer.Serialize(status)}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>kill -9: the node gets no chance to close calls, flush or leave the cluster.</summary>
    public void KillHard() => _process.Kill();

    /// <summary>SIGTERM, as a service manager stops the node; returns its exit code, or throws if it outlives <paramref name="timeout"/>.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        await _process.SignalAsync("TERM");
        return await _process.WaitForExitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        var process = _process.Process;
        try
        {
            if (!process.HasExited)
            {
                await process.StandardInput.WriteLineAsync("quit");
                await process.StandardInput.FlushAsync();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    // Killed below.
                }
            }
        }
        catch (IOException)
        {
            // stdin already closed: the process is on its way out (killed below if it is not).
        }

        _process.Dispose();
        foreach (var line in Lines.TakeLast(400))
        {
            _output.WriteLine(line);
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>
/// The node's <c>status</c> answer. Queued counts the calls in the node's queues (waiting or ringing). Error is set,
/// and nothing else, when the node could not gather a status in time.
/// </summary>
internal sealed record NodeStatusLine(
    IReadOnlyList<string> Listeners, IReadOnlyList<AgentStatusLine> Agents, int OpenCalls, int SipCalls, int Queued, IReadOnlyList<MediaStatusLine> Media, string? Error = null)
{
    public AgentStatusLine Agent(string id) => Agents.Single(a => a.Id == id);
}

internal sealed record AgentStatusLine(string Id, string Presence, string? Contact, int CallsHandled);

internal sealed record MediaStatusLine(
    string CallId, long CustomerSent, long CustomerRelayed, long CustomerHeard, long AgentSent, long AgentRelayed, long AgentHeard);
