using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Transactions;

public class SipTimersSpec
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void SipTimers_should_default_to_the_rfc_3261_base_values()
    {
        var timers = SipTimers.Default;

        Assert.Equal((S(0.5), S(4), S(5)), (timers.T1, timers.T2, timers.T4));
    }

    [Fact]
    public void SipTimers_should_derive_table_4_over_udp()
    {
        var t = SipTimers.Default;
        const SipProtocol udp = SipProtocol.Udp;

        Assert.Equal(
            [S(0.5), S(32), S(32), S(0.5), S(32), S(0.5), S(32), S(5), S(32), S(5), S(32), S(32)],
            [t.A, t.B, t.D(udp), t.E, t.F, t.G, t.H, t.I(udp), t.J(udp), t.K(udp), t.L, t.M]);
    }

    [Fact]
    public void SipTimers_should_zero_the_absorb_timers_on_reliable_transports()
    {
        var t = SipTimers.Default;
        const SipProtocol tcp = SipProtocol.Tcp;

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero], [t.D(tcp), t.I(tcp), t.J(tcp), t.K(tcp)]);
        Assert.Equal([S(32), S(32), S(32)], [t.B, t.F, t.H]);
    }

    [Fact]
    public void SipTimers_should_keep_timer_D_at_32_s_for_a_short_T1_and_at_64_T1_for_a_long_one()
    {
        var lan = new SipTimers(TimeSpan.FromMilliseconds(100), S(1), S(2));
        var satellite = new SipTimers(S(1), S(8), S(10));

        Assert.Equal(S(32), lan.D(SipProtocol.Udp));
        Assert.Equal(S(6.4), lan.B);
        Assert.Equal(S(64), satellite.D(SipProtocol.Udp));
    }

    [Fact]
    public void SipTimers_should_double_retransmit_intervals_up_to_T2()
    {
        var t = SipTimers.Default;

        Assert.Equal(S(1), t.DoubleUpToT2(S(0.5)));
        Assert.Equal(S(4), t.DoubleUpToT2(S(2)));
        Assert.Equal(S(4), t.DoubleUpToT2(S(4)));
    }

    [Fact]
    public void SipTimers_should_refuse_impossible_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipTimers(TimeSpan.Zero, S(4), S(5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipTimers(S(1), S(0.5), S(5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipTimers(S(1), S(4), S(-1)));
    }
}
