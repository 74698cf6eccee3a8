using BenchmarkDotNet.Attributes;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;

namespace CallCenter.Benchmarks.Sip;

/// <summary>Parsing (with validation) of the messages every call starts with.</summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class SipParserBenchmarks
{
    [Benchmark]
    public SipMessage? ParseInvite() => Parse(BenchmarkMessages.Invite);

    [Benchmark]
    public SipMessage? ParseOk() => Parse(BenchmarkMessages.Ok);

    /// <summary>
    /// The INVITE as if its repeating values (Allow, Supported, User-Agent, ...) had never been seen on this thread:
    /// the cost for the first message of a new kind of phone. Includes clearing the cache (256 slots). Numbers below
    /// 10000 (Content-Length, Max-Forwards) come from a process-wide table and stay shared.
    /// </summary>
    [Benchmark]
    public SipMessage? ParseInviteColdCache()
    {
        HeaderValueCache.Clear();
        return Parse(BenchmarkMessages.Invite);
    }

    /// <summary>
    /// Parsing plus the typed headers a transaction and dialog layer read from every request,
    /// so the cost of the lazily built views is visible too.
    /// </summary>
    [Benchmark]
    public object? ParseInviteAndReadTypedHeaders()
    {
        var message = Parse(BenchmarkMessages.Invite)!;
        return (message.TopVia, message.From, message.To, message.CSeq, message.Contacts);
    }

    private static SipMessage? Parse(byte[] bytes) =>
        SipParser.TryParse(bytes, out var message, out var error) ? message : throw new InvalidOperationException(error.ToString());
}
