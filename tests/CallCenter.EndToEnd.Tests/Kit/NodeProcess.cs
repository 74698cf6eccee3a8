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

    private readonly Process _process;
    private readonly ITestOutputHelper _output;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _newLine = new(0);

    private NodeProcess(Process process, ITestOutputHelper output, string directory, int sipPort, int httpPort)
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
        var rtpBase = Random.Shared.Next(200, 300) * 100;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] fileOptions = configuration is null ? [] : ["--config", configFile, "--db", Path.Combine(directory, "callcenter.db")];
        foreach (var argument in new[]
        {
            TestPaths.NodeAssembly, "--sip-port", sipPort.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1", "--rtp-ports", $"{rtpBase}-{rtpBase + 199}",
            "--http-port", httpPort.ToString(CultureInfo.InvariantCulture),
        }.Concat(fileOptions))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var option in options ?? [])
        {
            info.ArgumentList.Add(option);
        }

        var node = new NodeProcess(new Process { StartInfo = info }, output, directory, sipPort, httpPort);
        node._process.OutputDataReceived += (_, e) => node.Append(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        node._process.Start();
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        await node.WaitForLineAsync(l => l.Contains(ReadyLine, StringComparison.Ordinal), startTimeout ?? TimeSpan.FromSeconds(60));
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
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { TestPaths.NodeAssembly, "--config", configFile }.Concat(options))
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return (-1, await stdout + await stderr + "\n[killed after the deadline]");
            }

            return (process.ExitCode, await stdout + await stderr);
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Every line the node printed so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Waits for a line (already printed or still to come) that matches.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, int after = 0)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var seen = after;
        while (true)
        {
            var lines = Lines;
            for (; seen < lines.Count; seen++)
            {
                if (match(lines[seen]))
                {
                    return lines[seen];
                }
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the node exited with {_process.ExitCode}:\n{string.Join('\n', Lines)}");
            }

            try
            {
                await _newLine.WaitAsync(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no matching node output within {timeout}:\n{string.Join('\n', Lines.TakeLast(80))}");
            }
        }
    }

    /// <summary>Asks the node for its status (agents, open calls, recent calls' media).</summary>
    public async Task<NodeStatusLine> StatusAsync()
    {
        var after = Lines.Count;
        await _process.StandardInput.WriteLineAsync("status");
        await _process.StandardInput.FlushAsync();
        var line = await WaitForLineAsync(l => l.StartsWith(StatusPrefix, StringComparison.Ordinal), TimeSpan.FromSeconds(15), after);
        return JsonSerializer.Deserialize<NodeStatusLine>(line[StatusPrefix.Length..], Json)
            ?? throw new InvalidOperationException($"unreadable status: {line}");
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
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>SIGTERM, as a service manager stops the node; returns its exit code, or throws if it outlives <paramref name="timeout"/>.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the node did not exit within {timeout} of SIGTERM:\n{string.Join('\n', Lines.TakeLast(80))}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await _process.StandardInput.WriteLineAsync("quit");
                await _process.StandardInput.FlushAsync();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        catch (IOException)
        {
            // stdin already closed: the process is on its way out.
            _process.Kill(entireProcessTree: true);
        }

        foreach (var line in Lines.TakeLast(400))
        {
            _output.WriteLine(line);
        }

        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        _newLine.Release();
    }
}

/// <summary>The node's <c>status</c> answer. Queued counts the calls in the node's queues (waiting or ringing).</summary>
internal sealed record NodeStatusLine(
    IReadOnlyList<string> Listeners, IReadOnlyList<AgentStatusLine> Agents, int OpenCalls, int SipCalls, int Queued, IReadOnlyList<MediaStatusLine> Media)
{
    public AgentStatusLine Agent(string id) => Agents.Single(a => a.Id == id);
}

internal sealed record AgentStatusLine(string Id, string Presence, string? Contact, int CallsHandled);

internal sealed record MediaStatusLine(
    string CallId, long CustomerSent, long CustomerRelayed, long CustomerHeard, long AgentSent, long AgentRelayed, long AgentHeard);
