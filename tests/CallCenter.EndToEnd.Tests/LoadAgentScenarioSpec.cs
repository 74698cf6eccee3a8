using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using CallCenter.EndToEnd.Tests.Kit;
using CallCenter.Testing;

namespace CallCenter.EndToEnd.Tests;

/// <summary>
/// The load runs' agent phone (sipp/load/agent.xml, run as run.sh runs it) against a raw UDP caller that does what the
/// node does on a starved CPU: its INVITE retransmission reaches the phone after the phone's 200, and it probes the
/// dialog with OPTIONS. SIPp must keep the call (answer the INVITE again with the 200, the OPTIONS with 200) and end it
/// with its own BYE, where it used to abort the call silently and leave it open in the node.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class LoadAgentScenarioSpec
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Load_agent_should_keep_a_call_whose_invite_was_retransmitted_after_its_200_and_answer_probes()
    {
        var sippPort = FreePort.Next();
        await using var agent = SippProcess.Start(
            ["-sf", TestPaths.Scenario("load/agent.xml"), "-p", Text(sippPort), "-mp", Text(MediaPort.Next()), "-rtp_echo", "-aa",
             "-d", "300", "-i", "127.0.0.1", "-mi", "127.0.0.1"],
            TimeSpan.FromSeconds(30));
        using var caller = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        caller.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var phone = new IPEndPoint(IPAddress.Loopback, sippPort);
        var invite = Invite(((IPEndPoint)caller.LocalEndPoint!).Port, sippPort);

        await SendUntilAnsweredAsync(caller, phone, invite);
        var ok = await ReceiveAsync(caller, m => m.StartsWith("SIP/2.0 200", StringComparison.Ordinal));
        await SendAsync(caller, phone, invite); // byte for byte the same request: a retransmission
        var okAgain = await ReceiveAsync(caller, m => m.StartsWith("SIP/2.0 200", StringComparison.Ordinal));
        var tag = ToTag().Match(ok).Groups[1].Value;
        await SendAsync(caller, phone, InDialog("ACK", 1, tag, ((IPEndPoint)caller.LocalEndPoint!).Port, sippPort));
        await SendAsync(caller, phone, InDialog("OPTIONS", 2, tag, ((IPEndPoint)caller.LocalEndPoint!).Port, sippPort));
        var probeAnswer = await ReceiveAsync(caller, m => m.Contains("CSeq: 2 OPTIONS", StringComparison.Ordinal));
        var bye = await ReceiveAsync(caller, m => m.StartsWith("BYE ", StringComparison.Ordinal));
        await SendAsync(caller, phone, OkFor(bye));
        var result = await agent.WaitAsync(TimeSpan.FromSeconds(3));

        Assert.Equal(tag, ToTag().Match(okAgain).Groups[1].Value);
        Assert.StartsWith("SIP/2.0 200", probeAnswer, StringComparison.Ordinal);
        Assert.True(result.SuccessfulCalls == 1 && result.FailedCalls == 0, "the agent's SIPp completed the call: " + result);
    }

    private static string Invite(int callerPort, int phonePort)
    {
        const string sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        return $"INVITE sip:agent1@127.0.0.1:{phonePort} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{callerPort};branch=z9hG4bK-load-invite;rport\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:customer@127.0.0.1>;tag=caller-1\r\nTo: <sip:agent1@127.0.0.1>\r\nCall-ID: load-agent-1@127.0.0.1\r\n"
            + $"CSeq: 1 INVITE\r\nContact: <sip:callcenter@127.0.0.1:{callerPort}>\r\nContent-Type: application/sdp\r\nContent-Length: {sdp.Length}\r\n\r\n{sdp}";
    }

    private static string InDialog(string method, int cseq, string tag, int callerPort, int phonePort) =>
        $"{method} sip:127.0.0.1:{phonePort} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{callerPort};branch=z9hG4bK-load-{method}-{cseq};rport\r\n"
        + $"Max-Forwards: 70\r\nFrom: <sip:customer@127.0.0.1>;tag=caller-1\r\nTo: <sip:agent1@127.0.0.1>;tag={tag}\r\n"
        + $"Call-ID: load-agent-1@127.0.0.1\r\nCSeq: {cseq} {method}\r\nContent-Length: 0\r\n\r\n";

    /// <summary>200 for a request: its Via, From, To, Call-ID and CSeq copied.</summary>
    private static string OkFor(string request)
    {
        var headers = request.Split("\r\n").Where(l => l.StartsWith("Via:", StringComparison.Ordinal) || l.StartsWith("From:", StringComparison.Ordinal)
            || l.StartsWith("To:", StringComparison.Ordinal) || l.StartsWith("Call-ID:", StringComparison.Ordinal) || l.StartsWith("CSeq:", StringComparison.Ordinal));
        return "SIP/2.0 200 OK\r\n" + string.Join("\r\n", headers) + "\r\nContent-Length: 0\r\n\r\n";
    }

    private static async Task SendAsync(Socket socket, IPEndPoint to, string message) =>
        await socket.SendToAsync(Encoding.ASCII.GetBytes(message), SocketFlags.None, to);

    /// <summary>Sends the INVITE again every 200 ms (as timer A would) until SIPp, which may still be starting, answers.</summary>
    private static async Task SendUntilAnsweredAsync(Socket socket, IPEndPoint to, string invite)
    {
        using var deadline = new CancellationTokenSource(Wait);
        var buffer = new byte[65536];
        while (true)
        {
            await SendAsync(socket, to, invite);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            attempt.CancelAfter(TimeSpan.FromMilliseconds(200));
            try
            {
                await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), attempt.Token);
                return;
            }
            catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>The next datagram that matches (others, such as the 180 or a retransmitted 200, are skipped).</summary>
    private static async Task<string> ReceiveAsync(Socket socket, Func<string, bool> match)
    {
        using var deadline = new CancellationTokenSource(Wait);
        var buffer = new byte[65536];
        while (true)
        {
            var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), deadline.Token);
            var text = Encoding.ASCII.GetString(buffer, 0, received.ReceivedBytes);
            if (match(text))
            {
                return text;
            }
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^To:.*;tag=([^;\r\n]+)", RegexOptions.Multiline)]
    private static partial Regex ToTag();
}
