using System.Diagnostics;
using System.Globalization;
using CallCenter.EndToEnd.Tests.Kit;
using CallCenter.Testing;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests;

/// <summary>
/// Guards the load harness (sipp/load/run.sh) and the node's fast path at a low rate: a few seconds of calls through
/// the real node must all succeed and leave nothing behind (no open call, nothing queued, every agent Available).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LoadHarnessSpec(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Load_harness_should_carry_calls_at_a_low_rate_with_none_failed_and_nothing_stuck()
    {
        var row = await RunOneStep();

        Assert.Equal("15", row.Successful);
        Assert.Equal("0", row.Failed);
        Assert.True(long.Parse(row.RtpRelayed, CultureInfo.InvariantCulture) > 0, $"RTP relayed: {row.RtpRelayed}");
        Assert.True(long.Parse(row.CpuMicrosecondsPerCall, CultureInfo.InvariantCulture) > 0, $"CPU per call: {row.CpuMicrosecondsPerCall}");
        Assert.Equal("ok", row.AfterTheStep);
    }

    [Fact]
    public async Task Load_harness_without_audio_should_set_calls_up_with_no_rtp_either_way()
    {
        var row = await RunOneStep("--no-audio");

        Assert.Equal("15", row.Successful);
        Assert.Equal("0", row.Failed);
        Assert.Equal("0", row.RtpRelayed);
        Assert.True(long.Parse(row.CpuMicrosecondsPerCall, CultureInfo.InvariantCulture) > 0, $"CPU per call: {row.CpuMicrosecondsPerCall}");
        Assert.Equal("ok", row.AfterTheStep);
    }

    /// <summary>Runs 15 calls at 5 calls/s through a node with 20 agents and returns the step's row of summary.md.</summary>
    private async Task<StepRow> RunOneStep(params string[] options)
    {
        var folder = Directory.CreateTempSubdirectory("load-harness-").FullName;
        try
        {
            var info = new ProcessStartInfo("bash")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                TestPaths.Scenario(Path.Combine("load", "run.sh")), "--node-dll", TestPaths.NodeAssembly, "--agents", "20",
                "--rates", "5", "--step-seconds", "3", "--hold-ms", "500", "--reg-rates", "", "--media-calls", "0", "--no-ceiling",
                "--port", FreePort.NextBlock(5).ToString(CultureInfo.InvariantCulture), "--out", folder,
            }.Concat(options))
            {
                info.ArgumentList.Add(argument);
            }

            using var run = Process.Start(info)!;
            var stdout = run.StandardOutput.ReadToEndAsync();
            var stderr = run.StandardError.ReadToEndAsync();
            using (var cancellation = new CancellationTokenSource(Deadline))
            {
                try
                {
                    await run.WaitForExitAsync(cancellation.Token);
                }
                catch (OperationCanceledException)
                {
                    run.Kill(entireProcessTree: true);
                    await run.WaitForExitAsync();
                }
            }

            output.WriteLine(await stdout);
            output.WriteLine(await stderr);
            var summary = File.ReadAllLines(Path.Combine(folder, "summary.md"));
            return StepRow.Parse(Assert.Single(summary, l => l.StartsWith("| 5 | 15 |", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// | calls/s | offered | successful | failed | p50/p95/p99 | repartition | CPU % | CPU µs per call | RSS | RTP relayed
    /// | RTP lost | RTP held | after the step |
    /// </summary>
    private sealed record StepRow(string Successful, string Failed, string CpuMicrosecondsPerCall, string RtpRelayed, string AfterTheStep)
    {
        public static StepRow Parse(string line)
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            return new StepRow(cells[3], cells[4], cells[8], cells[10], cells[^2]);
        }
    }
}
