using BenchmarkDotNet.Running;
using CallCenter.Benchmarks.Sip;

if (args is ["--cpu-time"])
{
    CpuTimeCheck.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
