using BenchmarkDotNet.Running;
using CallCenter.Benchmarks.Actors;
using CallCenter.Benchmarks.Sip;

// "actors" runs the actor-core harness (throughput with latency, which BenchmarkDotNet does not measure well);
// "--cpu-time" the parser's CPU-time cross-check; anything else goes to BenchmarkDotNet.
if (args is ["actors", .. var rest])
{
    return await ActorsBenchmark.RunAsync(rest);
}

if (args is ["--cpu-time"])
{
    CpuTimeCheck.Run();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
