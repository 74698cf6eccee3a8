using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CallCenter.Testing;

/// <summary>
/// Runs a real SIPp process on loopback and collects what it reports: its exit code (0 = every call succeeded,
/// 1 = some call failed, 99 = no call processed) and its final statistics line (-trace_stat CSV).
/// Every run is bounded by SIPp's own -timeout and by a kill deadline, so a hung peer cannot hang the suite.
/// </summary>
public sealed class SippProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _workDirectory;
    private readonly StringBuilder _output = new();

    private SippProcess(Process process, string workDirectory)
    {
        _process = process;
        _workDirectory = workDirectory;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static bool IsInstalled => FindOnPath("sipp") is not null;

    /// <summary>Starts sipp with the given arguments; -nostdin, statistics and a global timeout are added.</summary>
    public static SippProcess Start(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var executable = FindOnPath("sipp")
            ?? throw new InvalidOperationException("sipp is not installed (Debian: apt-get install -y sip-tester)");
        var workDirectory = Directory.CreateTempSubdirectory("sipp-").FullName;
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var argument in new[]
        {
            "-nostdin", "-trace_stat", "-stf", "stats.csv", "-fd", "1", "-trace_err",
            "-timeout", ((int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s", "-timeout_error",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var sipp = new SippProcess(process, workDirectory);
        process.OutputDataReceived += (_, e) => sipp.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sipp.Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sipp;
    }

    /// <summary>Waits for SIPp to exit by itself; kills it after <paramref name="deadline"/>.</summary>
    public async Task<SippResult> WaitAsync(TimeSpan deadline)
    {
        using var cancellation = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            return new SippResult(-1, ReadStatistics(), Output + "\n[killed after deadline]");
        }

        return new SippResult(_process.ExitCode, ReadStatistics(), Output);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over it.
        }
    }

    private IReadOnlyDictionary<string, string> ReadStatistics()
    {
        var file = Path.Combine(_workDirectory, "stats.csv");
        if (!File.Exists(file))
        {
            return new Dictionary<string, string>();
        }

        var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToArray();
        if (lines.Length < 2)
        {
            return new Dictionary<string, string>();
        }

        var names = lines[0].Split(';');
        var values = lines[^1].Split(';');
        var statistics = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(names.Length, values.Length); i++)
        {
            statistics[names[i]] = values[i];
        }

        var errors = Directory.GetFiles(_workDirectory, "*_errors.log");
        if (errors.Length > 0)
        {
            statistics["ErrorLog"] = string.Join("\n", errors.Select(File.ReadAllText));
        }

        return statistics;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>What a SIPp run reported.</summary>
public sealed record SippResult(int ExitCode, IReadOnlyDictionary<string, string> Statistics, string Output)
{
    public long SuccessfulCalls => Counter("SuccessfulCall(C)");

    public long FailedCalls => Counter("FailedCall(C)");

    public long TotalCalls => Counter("TotalCallCreated");

    public long Counter(string name) =>
        Statistics.TryGetValue(name, out var value) && long.TryParse(value, out var number) ? number : -1;

    public override string ToString() =>
        $"exit {ExitCode}, successful {SuccessfulCalls}, failed {FailedCalls}\n{Output}\n"
        + (Statistics.TryGetValue("ErrorLog", out var log) ? log : "");
}
