using Akka.Actor;
using CallCenter.Media.Relay;
using CallCenter.Actors.Gateway;
using static CallCenter.Actors.Signalling.SignallingEvents;
using static CallCenter.Actors.Tests.Gateway.GatewayText;

namespace CallCenter.Actors.Tests.Gateway;

/// <summary>What a finished call's legs keep while they linger for retransmissions.</summary>
public sealed partial class CallLegsActorSpec
{
    [Fact]
    public async Task CallLegs_should_let_go_of_the_closed_relay_while_they_linger()
    {
        var relays = new WeakRelays(RealRelays());
        var (legs, ok) = await AnsweredCall(relays: relays);
        Watch(legs);

        legs.Tell(new SipInbound.Request(Incoming(InDialog(ok, "BYE", 2))));
        await ExpectMsgAsync<SipOutbound.Respond>();
        await _calls.ExpectMsgAsync<CustomerHungUp>();

        // Still lingering (64*T1 of virtual time has not passed), yet nothing holds the relay any more.
        await AwaitAssertAsync(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Assert.False(relays.Opened.TryGetTarget(out _), "the lingering legs still hold their closed relay");
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    /// <summary>Opens real relays and remembers the last one weakly, so a spec can tell whether anyone still holds it.</summary>
    private sealed class WeakRelays(IMediaRelayFactory inner) : IMediaRelayFactory
    {
        public WeakReference<IMediaRelay> Opened { get; private set; } = new(null!);

        public IMediaRelay Open(IMediaEvents events)
        {
            var relay = inner.Open(events);
            Opened = new WeakReference<IMediaRelay>(relay);
            return relay;
        }
    }
}
