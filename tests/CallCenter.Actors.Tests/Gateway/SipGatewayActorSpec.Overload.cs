using CallCenter.Domain;
using CallCenter.Domain.Calls;
using CallCenter.Sip.Messages;
using static CallCenter.Actors.Signalling.SignallingCommands;

namespace CallCenter.Actors.Tests.Gateway;

// The overload guard: calls still waiting for their first answer are bounded; the rest get 503 at once.
public sealed partial class SipGatewayActorSpec
{
    private const int MaxPendingCalls = 2;

    [Fact]
    public async Task Gateway_should_refuse_new_calls_with_503_while_too_many_wait_for_their_first_answer_and_take_them_again_after()
    {
        var first = await StartCall();
        await StartCall();

        var refused = await ExchangeFinal(Request("INVITE", "sip:support@cc.example", body: Sdp));

        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("2", refused.Headers.First(SipHeaderNames.RetryAfter));
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        // The first call gets its answer (here a failure): one place is free again.
        _gateway.Tell(new HangUpCustomer(first, CallDisposition.Failed), TestActor);
        Assert.True((await NextResponse()).StatusCode >= 300);
        await StartCall();
    }

    private async Task<CallId> StartCall()
    {
        var trying = await Exchange(Request("INVITE", "sip:support@cc.example", body: Sdp));
        Assert.Equal(100, trying.StatusCode);
        return (await _calls.ExpectMsgAsync<CallCommands.Receive>()).CallId;
    }
}
