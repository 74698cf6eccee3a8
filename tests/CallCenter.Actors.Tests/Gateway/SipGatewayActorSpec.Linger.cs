using Akka.Actor;
using System.Text;
using CallCenter.Actors.Gateway;
using CallCenter.Actors.Signalling;
using CallCenter.Domain.Calls;
using CallCenter.Sip.Messages;

namespace CallCenter.Actors.Tests.Gateway;

/// <summary>A finished call: its legs go at once, and the gateway still answers its stragglers.</summary>
public sealed partial class SipGatewayActorSpec
{
    [Fact]
    public async Task Gateway_should_drop_a_finished_calls_legs_at_once_and_still_refuse_a_merged_invite_with_482()
    {
        var request = Request("INVITE", "sip:support@cc.example", body: Sdp);
        await Exchange(request);
        await _calls.ExpectMsgAsync<CallCommands.Receive>();
        var cancel = request.Replace("INVITE sip:", "CANCEL sip:", StringComparison.Ordinal)
            .Replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL", StringComparison.Ordinal);
        cancel = cancel[..cancel.IndexOf("Content-Type:", StringComparison.Ordinal)] + "Content-Length: 0\r\n\r\n";
        await _phone.SendAsync(Encoding.UTF8.GetBytes(cancel), _gatewayAddress);
        await _calls.ExpectMsgAsync<SignallingEvents.CustomerHungUp>(TimeSpan.FromSeconds(5));

        // The legs no longer linger 64·T1 (32 s) as an open call.
        await AwaitAssertAsync(async () =>
        {
            var listening = await _gateway.Ask<SipGatewayQueries.Listening>(SipGatewayQueries.GetListeners.Instance, TimeSpan.FromSeconds(5));
            Assert.Equal(0, listening.OpenCalls);
        }, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(50));

        // The same INVITE again on another branch: a copy of a request the finished call had, not a new call.
        var branch = request.IndexOf("branch=", StringComparison.Ordinal) + "branch=".Length;
        var copy = request[..branch] + "z9hG4bK-copy" + request[request.IndexOf(';', branch)..];
        await _phone.SendAsync(Encoding.UTF8.GetBytes(copy), _gatewayAddress);
        var refusal = await NextResponse();
        while (refusal.StatusCode != 482)
        {
            // The first INVITE's 487 and the CANCEL's 200 may come (again) first.
            Assert.Contains(refusal.StatusCode, new[] { 100, 200, 487 });
            refusal = await NextResponse();
        }

        Assert.Equal("z9hG4bK-copy", refusal.Headers.First(SipHeaderNames.Via)!.Split("branch=")[1].Split(';')[0]);
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }
}
