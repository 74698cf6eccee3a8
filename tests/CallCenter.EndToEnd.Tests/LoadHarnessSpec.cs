using System.Diagnostics;
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
                "--port", FreePort.NextBlock(5).ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", folder,
            })
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
            // | calls/s | offered | successful | failed | ... | after the step |
            var row = Assert.Single(summary, l => l.StartsWith("| 5 | 15 |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
            Assert.Equal("15", row[3]);
            Assert.Equal("0", row[4]);
            Assert.Equal("ok", row[^2]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
