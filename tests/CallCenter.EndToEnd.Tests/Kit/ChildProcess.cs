using System.Diagnostics;
using System.Globalization;

namespace CallCenter.EndToEnd.Tests.Kit;

/// <summary>
/// A program in its own process, every line it prints (stdout and stderr) kept as it comes: a built program of this
/// repository (<c>dotnet X.dll</c>: the node, the softphone) or a real phone (baresip). Disposal kills it if it still runs.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _newLine = new(0);
    private readonly string _name;

    private ChildProcess(Process process, string name)
    {
        Process = process;
        _name = name;
    }

    /// <summary>For what only one kit needs: stdin, the id to signal, the exit code.</summary>
    public Process Process { get; }

    /// <summary>Every line printed so far.</summary>
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

    /// <summary>Starts <c>[launcher...] dotnet <paramref name="assembly"/> <paramref name="arguments"/></c>.</summary>
    /// <param name="name">Who it is in failure messages ("the node").</param>
    /// <param name="assembly">The built program.</param>
    /// <param name="arguments">Its command line after the assembly.</param>
    /// <param name="configure">Sets what one kit needs: working directory, environment, stdin.</param>
    /// <param name="launcher">A program (and its arguments) that execs dotnet, keeping the process id.</param>
    public static ChildProcess Start(
        string name, string assembly, IEnumerable<string> arguments, Action<ProcessStartInfo>? configure = null, IReadOnlyList<string>? launcher = null)
    {
        var program = launcher is { Count: > 0 } ? launcher[0] : "dotnet";
        IEnumerable<string> leading = launcher is { Count: > 0 } ? [.. launcher.Skip(1), "dotnet"] : [];
        return StartProgram(name, program, leading.Append(assembly).Concat(arguments), configure);
    }

    /// <summary>Starts <paramref name="program"/> (found on the PATH) with <paramref name="arguments"/>.</summary>
    public static ChildProcess StartProgram(string name, string program, IEnumerable<string> arguments, Action<ProcessStartInfo>? configure = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        configure?.Invoke(info);
        var started = new ChildProcess(new Process { StartInfo = info }, name);
        started.Process.OutputDataReceived += (_, e) => started.Append(e.Data);
        started.Process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        started.Process.Start();
        started.Process.BeginOutputReadLine();
        started.Process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Waits for a line (already printed, from index <paramref name="after"/> on, or still to come) that matches;
    /// fails at once when the process exits without printing it.</summary>
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

            if (Process.HasExited)
            {
                // The parameterless wait drains the redirected output: a line printed just before exiting is not missed.
                await Process.WaitForExitAsync();
                if (Lines.Skip(seen).FirstOrDefault(match) is { } last)
                {
                    return last;
                }

                throw new InvalidOperationException($"{_name} exited with {Process.ExitCode} without the line:\n{string.Join('\n', Lines)}");
            }

            try
            {
                await _newLine.WaitAsync(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no matching line from {_name} within {timeout}:\n{string.Join('\n', Lines.TakeLast(80))}");
            }
        }
    }

    /// <summary>The exit code once it has stopped by itself within <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{_name} did not exit within {timeout}:\n{string.Join('\n', Lines.TakeLast(80))}");
        }

        // The parameterless wait also drains the redirected output, so every line is in before anyone reads them.
        await Process.WaitForExitAsync();
        return Process.ExitCode;
    }

    /// <summary>Sends a signal the way a user or service manager would (kill -INT, kill -TERM).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", Process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>kill -9 (of the whole tree), then waits for it to be gone.</summary>
    public void Kill()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        // Also drains the redirected output, so no line arrives after the disposal.
        Process.WaitForExit();
        Process.Dispose();
        _newLine.Dispose();
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
