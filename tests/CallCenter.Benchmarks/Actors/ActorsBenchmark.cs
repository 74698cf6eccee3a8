using System.Diagnostics;
using System.Globalization;

namespace CallCenter.Benchmarks.Actors;

/// <summary>
/// The actor-core benchmark: calls through queue → router → agent → connect → end in one process, with the journal on a
/// SQLite file and in memory. Throughput runs keep a window of calls in flight; paced runs measure assignment latency
/// at a fixed arrival rate. Each configuration runs several times on a fresh node; the table shows medians.
/// </summary>
internal static class ActorsBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (!ActorBenchmarkOptions.TryParse(args, out var options, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(ActorBenchmarkOptions.Usage);
            return 2;
        }

        Console.WriteLine(
            $"Actor core: {options.Queues} queues x {options.AgentsPerQueue} agents, window {options.Window}, paced {options.PacedRate}/s for "
            + $"{options.PacedSeconds}s, {options.Runs} runs, loglevel {options.LogLevel}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, "
            + (System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC"));
        var rows = new List<ResultRow>();
        foreach (var journal in new[] { JournalKind.Sqlite, JournalKind.Memory }.Where(j => options.Only is null || options.Only == j))
        {
            var runs = new List<RunResult>();
            for (var run = 1; run <= options.Runs; run++)
            {
                var result = await RunOnce(options, journal);
                Console.WriteLine($"  {journal,-6} run {run}: {result}");
                runs.Add(result);
            }

            rows.Add(ResultRow.MedianOf(journal, runs));
        }

        Console.WriteLine();
        Console.WriteLine(ResultRow.Table(rows));
        return 0;
    }

    private static void Progress(string message) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {DateTime.Now:HH:mm:ss} {message}"));

    private static async Task<RunResult> RunOnce(ActorBenchmarkOptions options, JournalKind journal)
    {
        var book = new CallBook();
        var phase = Stopwatch.StartNew();
        await using var node = await BenchmarkNode.StartAsync(options, journal, book);
        Progress($"node up in {phase.Elapsed.TotalSeconds:0.0}s");

        // Warm-up: JIT (tiered recompilation runs for tens of seconds), connection pools, first snapshots.
        phase.Restart();
        var warmups = 0;
        while (warmups == 0 || phase.Elapsed < TimeSpan.FromSeconds(options.WarmupSeconds))
        {
            await LoadGenerator.ClosedLoop(node, book, $"w{warmups++}", new CallTimings(options.Window * 10), options.Queues, options.Window);
        }

        Progress($"warm-up ({warmups * options.Window * 10} calls) in {phase.Elapsed.TotalSeconds:0.0}s");

        var throughput = new CallTimings(journal == JournalKind.Sqlite ? options.SqliteCalls : options.MemoryCalls);
        var rows = await node.JournalRows();
        var rowsByType = await node.JournalRowsByType();
        using var sampler = options.SampleAllocations ? new AllocationSampler() : null;
        sampler?.Start();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await LoadGenerator.ClosedLoop(node, book, "t", throughput, options.Queues, options.Window);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (sampler is not null)
        {
            Progress(sampler.Stop(throughput.Count));
        }

        Progress($"throughput ({throughput.Count} calls) in {throughput.Elapsed.TotalSeconds:0.0}s");

        // Let the trailing writes of the last calls (agents' ends, index closings) finish before timing latency.
        await Task.Delay(TimeSpan.FromSeconds(1));
        rows = await node.JournalRows() - rows;
        var typesAfter = await node.JournalRowsByType();
        Progress("journal rows per call by type: " + string.Join(", ", typesAfter
            .Select(t => (t.Key, PerCall: (double)(t.Value - rowsByType.GetValueOrDefault(t.Key)) / throughput.Count))
            .Where(t => t.PerCall > 0)
            .OrderByDescending(t => t.PerCall)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.PerCall:0.00}"))));
        var paced = new CallTimings(options.PacedRate * options.PacedSeconds);
        await LoadGenerator.Paced(node, book, "p", paced, options.Queues, options.PacedRate);

        Progress($"paced ({paced.Count} calls) in {paced.Elapsed.TotalSeconds:0.0}s");
        var notCompleted = await node.NotCompleted();
        if (notCompleted > 0)
        {
            throw new InvalidOperationException($"{notCompleted} calls ended otherwise than Completed: the figures would not be calls served");
        }

        return new RunResult(
            throughput.Count / throughput.Elapsed.TotalSeconds,
            cpu.TotalMilliseconds * 1000 / throughput.Count,
            (double)rows / throughput.Count,
            Percentiles.Of(throughput.EnqueueToRingMilliseconds()),
            Percentiles.Of(paced.EnqueueToRingMilliseconds()),
            Percentiles.Of(paced.ArrivalToRingMilliseconds()),
            Percentiles.Of(paced.ArrivalToAnswerMilliseconds()),
            paced.Count / paced.Elapsed.TotalSeconds);
    }
}

/// <summary>p50 and p99 of a sorted sample (nearest rank), in milliseconds.</summary>
internal readonly record struct Percentiles(double P50, double P99)
{
    public static Percentiles Of(double[] sorted) => new(Rank(sorted, 0.50), Rank(sorted, 0.99));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{P50:0.00}/{P99:0.00} ms");

    private static double Rank(double[] sorted, double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];
}

/// <summary>One run: throughput (and CPU per call) in the closed loop; assignment latency in the closed loop (with queueing)
/// and in the paced run (without).</summary>
internal sealed record RunResult(
    double CallsPerSecond,
    double CpuMicrosecondsPerCall,
    double JournalRowsPerCall,
    Percentiles LoadedEnqueueToRing,
    Percentiles PacedEnqueueToRing,
    Percentiles PacedArrivalToRing,
    Percentiles PacedArrivalToAnswer,
    double PacedCallsPerSecond)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{CallsPerSecond,8:0} calls/s, {CpuMicrosecondsPerCall,5:0} us CPU/call, {JournalRowsPerCall:0.0} rows/call, enqueue->ring loaded {LoadedEnqueueToRing}, "
        + $"paced {PacedCallsPerSecond:0}/s enqueue->ring {PacedEnqueueToRing}, arrival->ring {PacedArrivalToRing}, arrival->answer {PacedArrivalToAnswer}");
}

/// <summary>The medians of one journal's runs, and the table they make.</summary>
internal sealed record ResultRow(JournalKind Journal, RunResult Median)
{
    public static ResultRow MedianOf(JournalKind journal, IReadOnlyList<RunResult> runs)
    {
        double Median(Func<RunResult, double> metric)
        {
            var values = runs.Select(metric).Order().ToArray();
            return values.Length % 2 == 1 ? values[values.Length / 2] : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2;
        }

        return new ResultRow(journal, new RunResult(
            Median(r => r.CallsPerSecond),
            Median(r => r.CpuMicrosecondsPerCall),
            Median(r => r.JournalRowsPerCall),
            new Percentiles(Median(r => r.LoadedEnqueueToRing.P50), Median(r => r.LoadedEnqueueToRing.P99)),
            new Percentiles(Median(r => r.PacedEnqueueToRing.P50), Median(r => r.PacedEnqueueToRing.P99)),
            new Percentiles(Median(r => r.PacedArrivalToRing.P50), Median(r => r.PacedArrivalToRing.P99)),
            new Percentiles(Median(r => r.PacedArrivalToAnswer.P50), Median(r => r.PacedArrivalToAnswer.P99)),
            Median(r => r.PacedCallsPerSecond)));
    }

    public static string Table(IEnumerable<ResultRow> rows)
    {
        var lines = new List<string>
        {
            "| journal | calls/s (closed loop) | CPU us/call | journal rows/call | enqueue->ring p50/p99 loaded | paced rate | enqueue->ring p50/p99 paced | arrival->ring p50/p99 paced | arrival->answer p50/p99 paced |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        };
        lines.AddRange(rows.Select(r => string.Create(
            CultureInfo.InvariantCulture,
            $"| {r.Journal} | {r.Median.CallsPerSecond:0} | {r.Median.CpuMicrosecondsPerCall:0} | {r.Median.JournalRowsPerCall:0.0} | {r.Median.LoadedEnqueueToRing} | "
            + $"{r.Median.PacedCallsPerSecond:0}/s | {r.Median.PacedEnqueueToRing} | {r.Median.PacedArrivalToRing} | {r.Median.PacedArrivalToAnswer} |")));
        return string.Join(Environment.NewLine, lines);
    }
}
