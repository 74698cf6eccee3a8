using System.Text;
using Akka.Actor;
using CallCenter.Actors.Signalling;
using CallCenter.Domain;
using CallCenter.Domain.Calls;
using CallCenter.Sip.Messages;

namespace CallCenter.Actors.Tests.Gateway;

// CANCEL on the wire (RFC 3261 §9.2): before the answer, after it, and matching nothing.
public sealed partial class SipGatewayActorSpec
{
    /// <summary>Its callers hear ringback for two minutes before the answer: long enough to CANCEL in.</summary>
    private static readonly QueueId RingingQueue = new("ringback");

    [Fact]
    public async Task Gateway_should_answer_a_cancel_while_the_caller_rings_with_200_and_487_and_absorb_the_ack()
    {
        var invite = Request("INVITE", "sip:ringback@cc.example", body: Sdp);
        Assert.Equal(100, (await Exchange(invite)).StatusCode);
        var receive = await _calls.ExpectMsgAsync<CallCommands.Receive>();
        _gateway.Tell(new SignallingCommands.AnswerCustomer(receive.CallId));
        var ringing = await NextResponse();

        await _phone.SendAsync(Encoding.UTF8.GetBytes(CancelOf(invite)), _gatewayAddress);
        var answers = new[] { await NextResponse(), await NextResponse() }.OrderBy(r => r.StatusCode).ToArray();
        await _calls.ExpectMsgAsync<SignallingEvents.CustomerHungUp>();
        await _phone.SendAsync(Encoding.UTF8.GetBytes(AckOf(invite, answers[1].To!.Tag!)), _gatewayAddress);
        // The ACK completes the INVITE transaction and gets no answer: the next response is the OPTIONS' own.
        var options = await Exchange(Request("OPTIONS", "sip:cc.example"));

        Assert.Equal(180, ringing.StatusCode);
        Assert.Equal((200, "CANCEL"), (answers[0].StatusCode, answers[0].CSeq?.Method));
        Assert.Equal((487, "INVITE"), (answers[1].StatusCode, answers[1].CSeq?.Method));
        Assert.Equal(ringing.To!.Tag, answers[1].To?.Tag);
        Assert.Equal((200, "OPTIONS"), (options.StatusCode, options.CSeq?.Method));
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Gateway_should_answer_a_cancel_after_the_200_with_200_and_let_the_call_go_on()
    {
        var invite = Request("INVITE", "sip:support@cc.example", body: Sdp);
        await Exchange(invite);
        var receive = await _calls.ExpectMsgAsync<CallCommands.Receive>();
        _gateway.Tell(new SignallingCommands.AnswerCustomer(receive.CallId));
        var ok = await NextResponse("INVITE", final: true);

        await _phone.SendAsync(Encoding.UTF8.GetBytes(CancelOf(invite)), _gatewayAddress);
        var cancelled = await NextResponse("CANCEL", final: true);
        await _phone.SendAsync(Encoding.UTF8.GetBytes(AckOf(invite, ok.To!.Tag!, branch: "z9hG4bK-ack-" + Guid.NewGuid().ToString("N"))), _gatewayAddress);

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(200, cancelled.StatusCode);
        // No effect: the call is not hung up, and the ACK of the 200 brings the caller's leg up.
        await _calls.ExpectMsgAsync<SignallingEvents.CustomerAnswered>(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Gateway_should_answer_481_to_a_cancel_that_matches_no_transaction()
    {
        var stray = CancelOf(Request("INVITE", "sip:support@cc.example", body: Sdp));

        var response = await Exchange(stray);

        Assert.Equal((481, "CANCEL"), (response.StatusCode, response.CSeq?.Method));
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    /// <summary>§9.1: the INVITE's Request-URI, Call-ID, From, To, CSeq number and top Via (same branch).</summary>
    private static string CancelOf(string invite) => WithoutBody(invite)
        .Replace("INVITE sip:", "CANCEL sip:", StringComparison.Ordinal)
        .Replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL", StringComparison.Ordinal);

    /// <summary>The ACK of a final response: the INVITE's branch for a non-2xx (§17.1.1.3), a new one for a 2xx (§13.2.2.4).</summary>
    private static string AckOf(string invite, string toTag, string? branch = null)
    {
        var ack = WithoutBody(invite)
            .Replace("INVITE sip:", "ACK sip:", StringComparison.Ordinal)
            .Replace("CSeq: 1 INVITE", "CSeq: 1 ACK", StringComparison.Ordinal);
        var to = ack.IndexOf("\r\nTo: ", StringComparison.Ordinal) + 2;
        var toEnd = ack.IndexOf("\r\n", to, StringComparison.Ordinal);
        ack = ack[..toEnd] + $";tag={toTag}" + ack[toEnd..];
        if (branch is not null)
        {
            var start = ack.IndexOf("branch=", StringComparison.Ordinal) + "branch=".Length;
            ack = ack[..start] + branch + ack[ack.IndexOf(';', start)..];
        }

        return ack;
    }

    private static string WithoutBody(string request) =>
        request[..request.IndexOf("Content-Type:", StringComparison.Ordinal)] + "Content-Length: 0\r\n\r\n";

    /// <summary>The next response to <paramref name="method"/> (final ones only if asked), skipping others (100, retransmissions).</summary>
    private async Task<SipResponse> NextResponse(string method, bool final)
    {
        while (true)
        {
            var response = await NextResponse();
            if (response.CSeq?.Method == method && (!final || response.StatusCode >= 200))
            {
                return response;
            }
        }
    }
}
