using System.Diagnostics;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Serialization;

namespace CallCenter.Benchmarks.Sip;

/// <summary>
/// A cross-check for a shared, noisy machine: process CPU time per operation over many runs. Unlike wall-clock
/// time it does not grow while other processes hold the cores (it still includes GC and JIT threads, so it is an
/// upper bound of the work done). Run with <c>-- --cpu-time</c>.
/// </summary>
internal static class CpuTimeCheck
{
    private const int Runs = 300_000;

    public static void Run()
    {
        SipParser.TryParse(BenchmarkMessages.Invite, out var invite, out _);
        SipParser.TryParse(BenchmarkMessages.Ok, out var ok, out _);
        (string Name, Action Action)[] operations =
        [
            ("ParseInvite", () => SipParser.TryParse(BenchmarkMessages.Invite, out _, out _)),
            ("ParseOk", () => SipParser.TryParse(BenchmarkMessages.Ok, out _, out _)),
            ("ParseInviteColdCache", () =>
            {
                HeaderValueCache.Clear();
                SipParser.TryParse(BenchmarkMessages.Invite, out _, out _);
            }),
            ("SerializeInvite", () => SipSerializer.Serialize(invite!)),
            ("SerializeOk", () => SipSerializer.Serialize(ok!)),
        ];

        foreach (var (_, action) in operations)
        {
            Measure(action);
        }

        Console.WriteLine("| Operation | CPU time per op | Allocated per op |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, action) in operations)
        {
            var (nanoseconds, bytes) = Measure(action);
            Console.WriteLine($"| {name} | {nanoseconds:F0} ns | {bytes:F0} B |");
        }
    }

    private static (double Nanoseconds, double Bytes) Measure(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Runs; i++)
        {
            action();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        return (cpu.TotalMilliseconds * 1e6 / Runs, (double)allocated / Runs);
    }
}
