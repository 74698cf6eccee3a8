using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests.Kit;

/// <summary>
/// The sample softphone (CallCenter.Softphone.dll, the built output) in its own process, its password passed the way a
/// user would keep it out of the process list: in the environment. Every line it prints is kept and copied to the test
/// log; disposal kills it if it still runs.
/// </summary>
internal sealed class SoftphoneProcess : IAsyncDisposable
{
    public const string PasswordVariable = "CALLCENTER_SOFTPHONE_PASSWORD";

    private readonly Process _process;
    private readonly ITestOutputHelper _output;
    private readonly List<string> _lines = [];

    private SoftphoneProcess(Process process, ITestOutputHelper output)
    {
        _process = process;
        _output = output;
    }

    public static SoftphoneProcess Start(NodeProcess node, string user, string password, ITestOutputHelper output, params string[] options)
    {
        // A phone started from a terminal has SIGINT at its default action. A test run started in the background of a
        // script (CI wrappers, `run-all.sh &`) inherits SIGINT ignored, down to this child; the runtime then keeps it
        // ignored and never calls the phone's handler, so Ctrl+C (InterruptAsync) would do nothing. env restores the
        // default before it execs dotnet (same process id, so the SIGINT still reaches the phone).
        var info = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment[PasswordVariable] = password;
        string[] command = ["--default-signal=INT", "dotnet", TestPaths.SoftphoneAssembly, "--server", node.Endpoint, "--user", user];
        foreach (var argument in command.Concat(options))
        {
            info.ArgumentList.Add(argument);
        }

        var phone = new SoftphoneProcess(new Process { StartInfo = info }, output);
        phone._process.OutputDataReceived += (_, e) => phone.Append(e.Data);
        phone._process.ErrorDataReceived += (_, e) => phone.Append(e.Data);
        phone._process.Start();
        phone._process.BeginOutputReadLine();
        phone._process.BeginErrorReadLine();
        return phone;
    }

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>Waits for a printed line containing <paramref name="text"/>; fails early when the softphone exits.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            lock (_lines)
            {
                if (_lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
                {
                    return line;
                }
            }

            if (_process.HasExited || deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"the softphone printed no line with '{text}' (exited: {_process.HasExited}):\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Ctrl+C, as a user would stop it: SIGINT to the process.</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>The exit code once it has stopped by itself within <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the softphone did not exit within {timeout}:\n{Output}");
        }

        // The parameterless wait also drains the redirected output, so every line is in before anyone reads them.
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _output.WriteLine("softphone output:\n" + Output);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }
}
