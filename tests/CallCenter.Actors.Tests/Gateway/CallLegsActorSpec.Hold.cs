using System.Net;
using System.Net.Sockets;
using System.Text;
using Akka.Actor;
using CallCenter.Actors.Gateway;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Sdp;
using CallCenter.Sip.Transport;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;
using static CallCenter.Actors.Tests.Gateway.GatewayText;

namespace CallCenter.Actors.Tests.Gateway;

// Hold across the bridge: the agent's hold must not leave the caller in dead air.
public sealed partial class CallLegsActorSpec
{
    private static readonly SipEndPoint AgentPhone = new(SipProtocol.Udp, new IPEndPoint(IPAddress.Parse("10.0.0.7"), 5070));

    [Fact]
    public async Task CallLegs_should_play_hold_audio_to_the_caller_while_the_agent_holds_the_bridged_call()
    {
        // The caller's RTP goes to a real socket; the agent's phone sends no RTP at all, so only hold audio can arrive.
        using var callerRtp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var callerPort = ((IPEndPoint)callerRtp.Client.LocalEndPoint!).Port;
        var (legs, _) = await AnsweredCall($"m=audio {callerPort} RTP/AVP 8 101\na=rtpmap:8 PCMA/8000\na=rtpmap:101 telephone-event/8000");
        legs.Tell(new RingAgent(Call, Alice, "<sip:alice@10.0.0.7:5070>", 1));
        var agentInvite = (await ExpectMsgAsync<SipOutbound.SendRequest>()).Request;
        legs.Tell(new SipInbound.Response(Key(agentInvite), AgentAnswer(agentInvite, 200)));
        await ExpectMsgAsync<SipOutbound.SendAck>();
        await _calls.ExpectMsgAsync<AgentAnswered>();
        legs.Tell(new BridgeLegs(Call, Alice, 1));

        var hold = Incoming(AgentReInvite(agentInvite, 1, "a=sendonly"), AgentPhone);
        legs.Tell(new SipInbound.Request(hold));
        var held = await ExpectMsgAsync<SipOutbound.Respond>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var packet = await callerRtp.ReceiveAsync(deadline.Token);

        Assert.Equal((hold.Transaction, 200), (held.Transaction, held.Response.StatusCode));
        Assert.Equal(SdpDirection.RecvOnly, Sdp(held.Response).DirectionOf(Sdp(held.Response).Media[0]));
        // RTP version 2, PCMA (payload type 8, the caller's codec): the center's hold audio.
        Assert.Equal((2, 8), (packet.Buffer[0] >> 6, packet.Buffer[1] & 0x7F));
    }

    /// <summary>A re-INVITE from the agent's phone in the dialog our INVITE made (the agent's tag: agent-1).</summary>
    private static SipRequest AgentReInvite(SipRequest ourInvite, int cseq, string direction)
    {
        var sdp = $"v=0\no=- 2 3 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\nm=audio 4002 RTP/AVP 0 101\na=rtpmap:0 PCMU/8000\na=rtpmap:101 telephone-event/8000\n{direction}\n"
            .ReplaceLineEndings("\r\n");
        return Parse($"""
            INVITE sip:callcenter@10.0.0.1:5060 SIP/2.0
            Via: SIP/2.0/UDP 10.0.0.7:5070;branch=z9hG4bK-agent-reinvite-{cseq};rport
            Max-Forwards: 70
            From: <sip:alice@cc.example>;tag=agent-1
            To: {ourInvite.Headers.First(SipHeaderNames.From)}
            Call-ID: {ourInvite.CallId}
            CSeq: {cseq} INVITE
            Contact: <sip:alice@10.0.0.7:5070>
            Content-Type: application/sdp
            Content-Length: {Encoding.UTF8.GetByteCount(sdp)}


            """ + sdp.ReplaceLineEndings("\n"));
    }
}
