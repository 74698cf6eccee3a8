using System.Globalization;

namespace CallCenter.Benchmarks.Actors;

/// <summary>What the actor-core benchmark runs; every field has a command-line switch (see <see cref="Usage"/>).</summary>
internal sealed record ActorBenchmarkOptions
{
    public const string Usage = """
        actors [--runs 3] [--queues 10] [--agents 10] [--calls 20000] [--memory-calls 60000] [--window 200]
               [--rate 500] [--paced-seconds 10] [--warmup-seconds 45] [--only sqlite|memory] [--loglevel WARNING]
               [--hocon "extra settings, layered over the node's"] [--alloc-sample true]
          --agents   agents per queue (each serves one queue)
          --calls    calls per throughput run with SQLite; --memory-calls with the in-memory journal
          --window   calls in flight at once in throughput runs (a closed loop: one ends, the next comes)
          --rate     calls per second of the paced latency runs, which last --paced-seconds
          --warmup-seconds  closed-loop calls before measuring, until the JIT has settled (~24,000 methods;
                     its background recompilation took a quarter of the CPU for the first ~40 s)
        """;

    public int Runs { get; init; } = 3;

    public int Queues { get; init; } = 10;

    public int AgentsPerQueue { get; init; } = 10;

    public int SqliteCalls { get; init; } = 20_000;

    public int MemoryCalls { get; init; } = 60_000;

    public int Window { get; init; } = 200;

    public int PacedRate { get; init; } = 500;

    public int PacedSeconds { get; init; } = 10;

    public int WarmupSeconds { get; init; } = 45;

    /// <summary>Null runs both journals.</summary>
    public JournalKind? Only { get; init; }

    public string LogLevel { get; init; } = "WARNING";

    /// <summary>HOCON layered over everything else, to try a setting without rebuilding.</summary>
    public string ExtraHocon { get; init; } = string.Empty;

    /// <summary>Samples the throughput phase's allocations by type (<see cref="AllocationSampler"/>).</summary>
    public bool SampleAllocations { get; init; }

    public static bool TryParse(IReadOnlyList<string> args, out ActorBenchmarkOptions options, out string? error)
    {
        options = new ActorBenchmarkOptions();
        error = null;
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                error = $"{args[i]} needs a value";
                return false;
            }

            var (name, value) = (args[i], args[i + 1]);
            int Number() => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new FormatException($"{name} needs a positive whole number, not '{value}'");
            try
            {
                options = name switch
                {
                    "--runs" => options with { Runs = Number() },
                    "--queues" => options with { Queues = Number() },
                    "--agents" => options with { AgentsPerQueue = Number() },
                    "--calls" => options with { SqliteCalls = Number() },
                    "--memory-calls" => options with { MemoryCalls = Number() },
                    "--window" => options with { Window = Number() },
                    "--rate" => options with { PacedRate = Number() },
                    "--paced-seconds" => options with { PacedSeconds = Number() },
                    "--warmup-seconds" => options with { WarmupSeconds = Number() },
                    "--only" => options with { Only = Enum.Parse<JournalKind>(value, ignoreCase: true) },
                    "--loglevel" => options with { LogLevel = value.ToUpperInvariant() },
                    "--hocon" => options with { ExtraHocon = value },
                    "--alloc-sample" => options with { SampleAllocations = bool.Parse(value) },
                    _ => throw new FormatException($"unknown option {name}"),
                };
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                error = e.Message;
                return false;
            }
        }

        return true;
    }
}

/// <summary>Where the journal and snapshots go.</summary>
internal enum JournalKind
{
    Sqlite,
    Memory,
}
