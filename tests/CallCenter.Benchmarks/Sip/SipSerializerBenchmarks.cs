using BenchmarkDotNet.Attributes;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Serialization;

namespace CallCenter.Benchmarks.Sip;

/// <summary>Writing the same messages back to bytes, as the transport does for every send.</summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class SipSerializerBenchmarks
{
    private SipMessage _invite = null!;
    private SipMessage _ok = null!;

    [GlobalSetup]
    public void Setup()
    {
        _invite = Parse(BenchmarkMessages.Invite);
        _ok = Parse(BenchmarkMessages.Ok);
    }

    [Benchmark]
    public byte[] SerializeInvite() => SipSerializer.Serialize(_invite);

    [Benchmark]
    public byte[] SerializeOk() => SipSerializer.Serialize(_ok);

    private static SipMessage Parse(byte[] bytes) =>
        SipParser.TryParse(bytes, out var message, out var error) ? message : throw new InvalidOperationException(error.ToString());
}
