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

    // A phone started from a terminal has SIGINT at its default action. A test run started in the background of a
    // script (CI wrappers, `run-all.sh &`) inherits SIGINT ignored, down to this child; the runtime then keeps it
    // ignored and never calls the phone's handler, so Ctrl+C (InterruptAsync) would do nothing. env restores the
    // default before it execs dotnet (same process id, so the SIGINT still reaches the phone).
    private static readonly string[] AsFromATerminal = ["env", "--default-signal=INT"];

    private readonly ChildProcess _process;
    private readonly ITestOutputHelper _output;

    private SoftphoneProcess(ChildProcess process, ITestOutputHelper output)
    {
        _process = process;
        _output = output;
    }

    public string Output => string.Join('\n', _process.Lines);

    public static SoftphoneProcess Start(NodeProcess node, string user, string password, ITestOutputHelper output, params string[] options) =>
        new(
            ChildProcess.Start(
                "the softphone",
                TestPaths.SoftphoneAssembly,
                ["--server", node.Endpoint, "--user", user, .. options],
                info => info.Environment[PasswordVariable] = password,
                AsFromATerminal),
            output);

    /// <summary>Waits for a printed line containing <paramref name="text"/>; fails early when the softphone exits.</summary>
    public Task<string> WaitForLineAsync(string text, TimeSpan timeout) =>
        _process.WaitForLineAsync(l => l.Contains(text, StringComparison.Ordinal), timeout);

    /// <summary>Ctrl+C, as a user would stop it: SIGINT to the process.</summary>
    public Task InterruptAsync() => _process.SignalAsync("INT");

    /// <summary>The exit code once it has stopped by itself within <paramref name="timeout"/>.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        _output.WriteLine("softphone output:\n" + Output);
        return ValueTask.CompletedTask;
    }
}
