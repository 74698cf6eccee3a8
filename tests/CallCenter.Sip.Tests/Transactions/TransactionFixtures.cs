using System.Net;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>Parser-made requests and responses plus the end points the transaction specs use.</summary>
internal static class TransactionFixtures
{
    public static readonly SipEndPoint PeerUdp = new(SipProtocol.Udp, IPEndPoint.Parse("10.0.0.5:5060"));
    public static readonly SipEndPoint PeerTcp = new(SipProtocol.Tcp, IPEndPoint.Parse("10.0.0.5:40123"));
    public static readonly SipEndPoint LocalUdp = new(SipProtocol.Udp, IPEndPoint.Parse("192.0.2.1:5060"));
    public static readonly SipEndPoint LocalTcp = new(SipProtocol.Tcp, IPEndPoint.Parse("192.0.2.1:5060"));

    /// <summary>Timers at their RFC defaults (T1 500 ms, T2 4 s, T4 5 s).</summary>
    public static readonly SipTimers Timers = SipTimers.Default;

    public static SipRequest Request(
        string method,
        string branch = "z9hG4bKclient1",
        long cseq = 1,
        string? cseqMethod = null,
        string? toTag = null,
        string sentBy = "10.0.0.5:5060",
        string transport = "UDP",
        bool rport = false,
        string callId = "call-1@10.0.0.5",
        string fromTag = "from-1",
        string requestUri = "sip:support@cc.example",
        IReadOnlyList<string>? routes = null,
        string? extraHeader = null)
    {
        var via = $"SIP/2.0/{transport} {sentBy};branch={branch}{(rport ? ";rport" : "")}";
        var to = toTag is null ? "<sip:support@cc.example>" : $"<sip:support@cc.example>;tag={toTag}";
        var routeLines = string.Concat((routes ?? []).Select(r => $"Route: {r}\n"));
        var extra = extraHeader is null ? "" : extraHeader + "\n";
        return SipText.ParseRequest($"""
            {method} {requestUri} SIP/2.0
            Via: {via}
            Max-Forwards: 70
            {routeLines}To: {to}
            From: "Alice" <sip:alice@example.com>;tag={fromTag}
            Call-ID: {callId}
            CSeq: {cseq} {cseqMethod ?? method}
            Contact: <sip:alice@10.0.0.5:5060>
            {extra}Content-Length: 0


            """);
    }

    public static SipRequest Invite(string branch = "z9hG4bKclient1", string transport = "UDP", IReadOnlyList<string>? routes = null) =>
        Request(SipMethods.Invite, branch, transport: transport, routes: routes);

    public static SipRequest Options(string branch = "z9hG4bKclient1", string transport = "UDP") =>
        Request(SipMethods.Options, branch, transport: transport);

    /// <summary>A response as the remote side would send it; final responses carry its To tag.</summary>
    public static SipResponse Response(SipRequest request, int status, string toTag = "uas-tag") =>
        SipResponse.For(request, status, toTag: toTag);

    /// <summary>The ACK a UAC sends for a non-2xx final: same branch as the INVITE, To tag of the response.</summary>
    public static SipRequest AckFor(SipRequest invite, SipResponse response) => AckBuilder.ForNonSuccessResponse(invite, response);
}
