using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CsCheck;
using static CallCenter.Sip.Tests.Dialogs.DialogFixtures;

namespace CallCenter.Sip.Tests.Dialogs;

public class InviteOkRetransmitterSpec
{
    private static (InviteOkRetransmitter Machine, VirtualTimers Clock) Started(TimeSpan? t1 = null, TimeSpan? t2 = null)
    {
        var invite = CustomerInvite();
        var dialog = CustomerDialog(invite);
        var machine = new InviteOkRetransmitter(dialog.Id, dialog.CreateResponse(invite, 200), t1, t2);
        var clock = new VirtualTimers(machine);
        clock.Apply(machine.Start());
        return (machine, clock);
    }

    private static SipRequest CustomerAck(long cseq = 314159) => FromCustomer(SipMethods.Ack, cseq);

    private static TimeSpan Seconds(double value) => TimeSpan.FromSeconds(value);

    [Fact]
    public void Retransmitter_should_double_from_t1_to_the_t2_cap_and_give_up_at_64_t1()
    {
        var (machine, clock) = Started();

        clock.AdvanceTo(Seconds(40));

        Assert.Equal(new[] { 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5 }.Select(Seconds), clock.SendTimes);
        var (at, last) = clock.Log[^1];
        Assert.IsType<OkRetransmitAction.AckTimedOut>(last);
        Assert.Equal(Seconds(32), at);
        Assert.True(machine.IsDone);
        Assert.False(clock.IsArmed(OkRetransmitTimer.Retransmit));
        Assert.Single(clock.Log, e => e.Action is OkRetransmitAction.AckTimedOut);
    }

    [Fact]
    public void Retransmissions_should_repeat_the_first_2xx_exactly()
    {
        var (machine, clock) = Started();

        clock.AdvanceTo(Seconds(4));

        Assert.All(
            clock.Log.Select(e => e.Action).OfType<OkRetransmitAction.SendResponse>(),
            send => Assert.Same(machine.Response, send.Response));
    }

    [Fact]
    public void Ack_should_stop_the_retransmissions_and_both_timers()
    {
        var (machine, clock) = Started();
        clock.AdvanceTo(Seconds(2));

        clock.Apply(machine.OnAck(CustomerAck()));
        clock.AdvanceTo(Seconds(60));

        Assert.Equal(new[] { 0.5, 1.5 }.Select(Seconds), clock.SendTimes);
        Assert.Contains(clock.Log, e => e.Action is OkRetransmitAction.Acknowledged);
        Assert.DoesNotContain(clock.Log, e => e.Action is OkRetransmitAction.AckTimedOut);
        Assert.False(clock.IsArmed(OkRetransmitTimer.Retransmit));
        Assert.False(clock.IsArmed(OkRetransmitTimer.GiveUp));
        Assert.True(machine.IsDone);
    }

    [Fact]
    public void Ack_of_another_invite_or_dialog_should_not_stop_the_retransmissions()
    {
        var (machine, clock) = Started();
        var otherCSeq = CustomerAck(314160);
        var otherDialog = CustomerAck().WithHeaders(h => h.Set(SipHeaderNames.From, "<sip:alice@example.com>;tag=someone-else"));
        var notAnAck = FromCustomer(SipMethods.Info, 314159);

        Assert.Empty(machine.OnAck(otherCSeq));
        Assert.Empty(machine.OnAck(otherDialog));
        Assert.Empty(machine.OnAck(notAnAck));
        clock.AdvanceTo(Seconds(2));

        Assert.False(machine.IsDone);
        Assert.Equal(2, clock.SendTimes.Count());
    }

    [Fact]
    public void Late_ack_and_timers_after_the_end_should_change_nothing()
    {
        var (machine, clock) = Started();
        clock.AdvanceTo(Seconds(40));

        Assert.Empty(machine.OnAck(CustomerAck()));
        Assert.Empty(machine.OnTimer(OkRetransmitTimer.Retransmit));
        Assert.Empty(machine.Start());
    }

    [Fact]
    public void Retransmitter_should_refuse_anything_but_a_2xx_to_an_invite()
    {
        var invite = CustomerInvite();
        var dialog = CustomerDialog(invite);

        Assert.Throws<ArgumentException>(() => new InviteOkRetransmitter(dialog.Id, dialog.CreateResponse(invite, 180)));
        Assert.Throws<ArgumentException>(() => new InviteOkRetransmitter(
            dialog.Id, dialog.CreateResponse(FromCustomer(SipMethods.Bye, 314160), 200)));
    }

    /// <summary>For any T1 ≤ T2 and any ACK time, the schedule is T1, 2T1, 4T1... capped at T2, bounded by 64·T1.</summary>
    [Fact]
    public void Schedule_should_follow_section_13_3_1_4_for_any_timers_and_ack_time()
    {
        var gen =
            from t1 in Gen.Int[1, 1000]
            from factor in Gen.Int[1, 16]
            from ackAt in Gen.Int[0, 80_000].Select(ms => ms < 70_000 ? (int?)ms : null)
            select (T1: TimeSpan.FromMilliseconds(t1), T2: TimeSpan.FromMilliseconds(t1 * factor), AckAt: ackAt);

        gen.Sample(c =>
        {
            var (machine, clock) = Started(c.T1, c.T2);
            var giveUp = 64 * c.T1;
            var ackAt = c.AckAt is { } ms ? TimeSpan.FromMilliseconds(ms * c.T1.TotalMilliseconds / 500) : (TimeSpan?)null;
            if (ackAt is { } at)
            {
                clock.AdvanceTo(at);
                clock.Apply(machine.OnAck(CustomerAck()));
            }

            clock.AdvanceTo(giveUp * 2);

            var expected = ExpectedSendTimes(c.T1, c.T2, giveUp).Where(t => ackAt is null || t <= ackAt).ToList();
            Assert.Equal(expected, clock.SendTimes);
            var ended = ackAt is { } acked && acked < giveUp;
            Assert.Equal(ended ? 1 : 0, clock.Log.Count(e => e.Action is OkRetransmitAction.Acknowledged));
            Assert.Equal(ended ? 0 : 1, clock.Log.Count(e => e.Action is OkRetransmitAction.AckTimedOut));
            Assert.True(machine.IsDone);
            Assert.False(clock.IsArmed(OkRetransmitTimer.Retransmit));
        });
    }

    private static IEnumerable<TimeSpan> ExpectedSendTimes(TimeSpan t1, TimeSpan t2, TimeSpan giveUp)
    {
        var interval = t1;
        for (var at = t1; at < giveUp; interval = interval * 2 < t2 ? interval * 2 : t2, at += interval)
        {
            yield return at;
        }
    }
}
