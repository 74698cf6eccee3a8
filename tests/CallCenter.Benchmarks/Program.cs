using BenchmarkDotNet.Running;
using CallCenter.Benchmarks.Actors;

// "actors" runs the actor-core harness (throughput with latency, which BenchmarkDotNet does not measure well);
// anything else goes to BenchmarkDotNet.
if (args is ["actors", .. var rest])
{
    return await ActorsBenchmark.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
