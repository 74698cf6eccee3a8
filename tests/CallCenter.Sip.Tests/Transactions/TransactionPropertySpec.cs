using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using CsCheck;
using static CallCenter.Sip.Tests.Transactions.TransactionFixtures;

namespace CallCenter.Sip.Tests.Transactions;

public class TransactionPropertySpec
{
    private static readonly int[] Statuses = [100, 180, 183, 200, 202, 302, 404, 486, 487, 500, 603];

    private static readonly Gen<Event> GenEvent = Gen.Select(
        Gen.Int[0, 8], Gen.Int[0, Statuses.Length - 1], Gen.Int[0, 40_000], Gen.Enum<TransactionTimer>(),
        (type, status, millis, timer) => new Event((EventType)type, Statuses[status], TimeSpan.FromMilliseconds(millis), timer));

    private static readonly Gen<SipTimers> GenTimers = Gen.Select(
        Gen.Int[1, 2_000], Gen.Int[1, 8], Gen.Int[0, 10_000],
        (t1, factor, t4) => new SipTimers(TimeSpan.FromMilliseconds(t1), TimeSpan.FromMilliseconds(t1 * factor), TimeSpan.FromMilliseconds(t4)));

    private enum Kind
    {
        InviteClient,
        NonInviteClient,
        InviteServer,
        NonInviteServer,
    }

    private enum EventType
    {
        RequestRetransmitted,
        AckReceived,
        ResponseReceived,
        TuResponse,
        StrayTimer,
        TimePasses,
        TransportError,
        TuCancel,
        NextTimerFires,
    }

    private sealed record Event(EventType Type, int Status, TimeSpan Delay, TransactionTimer Timer);

    [Fact]
    public void Machines_should_never_throw_and_always_terminate_within_the_timer_bound()
    {
        Gen.Select(Gen.Enum<Kind>(), Gen.Bool, GenTimers, GenEvent.Array[0, 40])
            .Sample((kind, tcp, timers, events) => Run(kind, tcp, timers, events), iter: 3_000);
    }

    private static void Run(Kind kind, bool tcp, SipTimers timers, Event[] events)
    {
        var transport = tcp ? "TCP" : "UDP";
        var peer = tcp ? PeerTcp : PeerUdp;
        var request = kind is Kind.InviteClient or Kind.InviteServer
            ? Invite(branch: "z9hG4bKprop", transport: transport)
            : Options(branch: "z9hG4bKprop", transport: transport);
        var ack = Request(SipMethods.Ack, branch: "z9hG4bKprop", cseqMethod: SipMethods.Ack, transport: transport, toTag: "uas-tag");
        var driver = new MachineDriver(Start(kind, request, peer, timers));

        foreach (var e in events)
        {
            var wasTerminated = driver.IsTerminated;
            var actions = e.Type switch
            {
                EventType.RequestRetransmitted => driver.Receive(request),
                EventType.AckReceived => driver.Receive(ack),
                EventType.ResponseReceived => driver.Receive(Response(request, e.Status)),
                EventType.TuResponse => driver.Answer(Response(request, e.Status)),
                EventType.StrayTimer when !driver.Armed.Contains(e.Timer) => AssertNoActions(driver.Feed(new TransactionInput.TimerFired(e.Timer))),
                EventType.TimePasses => Advance(driver, e.Delay),
                EventType.TransportError => driver.Feed(TransactionInput.TransportError.Instance),
                EventType.TuCancel => driver.Feed(TransactionInput.CancelFromTu.Instance),
                EventType.NextTimerFires => Advance(driver, (driver.NextDue ?? driver.Now) - driver.Now),
                _ => [],
            };

            if (wasTerminated)
            {
                Assert.Empty(actions);
            }

            Assert.All(actions.Select(Wire.DestinationOf).OfType<SipEndPoint>(), d => Assert.Equal(peer, d));
            var terminatedAt = actions.ToList().IndexOf(TransactionAction.Terminated.Instance);
            Assert.True(terminatedAt < 0 || terminatedAt == actions.Count - 1, "Terminated must be the last action");
        }

        // Quiescence: the TU does its part (answer, or cancel a ringing INVITE), the network goes silent.
        switch (driver.Machine)
        {
            case ServerTransaction { AwaitsFinalResponse: true }:
                driver.Answer(Response(request, kind == Kind.InviteServer ? 486 : 200));
                break;
            case InviteClientTransaction { CanCancel: true }:
                driver.Feed(TransactionInput.CancelFromTu.Instance);
                break;
        }

        var bound = Max(timers.TransactionTimeout, timers.D(peer.Protocol), timers.T4);
        var quiet = driver.Now;
        driver.Advance(bound);

        Assert.True(driver.IsTerminated, $"{kind} over {transport} still {StateOf(driver.Machine)} after {bound}");
        Assert.True(driver.TerminatedAt <= quiet + bound);
        Assert.Empty(driver.Armed);
        Assert.Single(driver.Log, entry => entry.Action is TransactionAction.Terminated);
    }

    private static TransactionStep Start(Kind kind, SipRequest request, Sip.Transport.SipEndPoint peer, SipTimers timers)
    {
        TransactionKeys.TryForServer(request, out var serverKey);
        return kind switch
        {
            Kind.InviteClient => InviteClientTransaction.Start(request, peer, timers),
            Kind.NonInviteClient => NonInviteClientTransaction.Start(request, peer, timers),
            Kind.InviteServer => InviteServerTransaction.Create(serverKey, request, peer, timers),
            _ => NonInviteServerTransaction.Create(serverKey, request, peer, timers),
        };
    }

    private static IReadOnlyList<TransactionAction> AssertNoActions(IReadOnlyList<TransactionAction> actions)
    {
        Assert.Empty(actions);
        return actions;
    }

    private static IReadOnlyList<TransactionAction> Advance(MachineDriver driver, TimeSpan by)
    {
        var before = driver.Log.Count;
        driver.Advance(by);
        return driver.Log.Skip(before).Select(e => e.Action).ToList();
    }

    private static string StateOf(SipTransaction machine) => machine switch
    {
        InviteClientTransaction t => t.State.ToString(),
        NonInviteClientTransaction t => t.State.ToString(),
        InviteServerTransaction t => t.State.ToString(),
        NonInviteServerTransaction t => t.State.ToString(),
        _ => "?",
    };

    private static TimeSpan Max(params TimeSpan[] values) => values.Max();
}
