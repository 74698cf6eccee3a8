using CallCenter.Testing;

namespace CallCenter.Softphone.Tests;

public class GatedTimersSpec
{
    private readonly Lock _gate = new();
    private readonly ManualTimeProvider _time = new();
    private readonly List<string> _fired = [];

    [Fact]
    public void GatedTimers_should_fire_once_under_the_gate_when_due()
    {
        var timers = new GatedTimers(_gate, _time);
        var heldTheGate = false;
        Start(timers, "a", 2, () => heldTheGate = _gate.IsHeldByCurrentThread);

        _time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Empty(_fired);
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(["a"], _fired);
        Assert.True(heldTheGate);
    }

    [Fact]
    public void GatedTimers_should_fire_only_the_latest_start_of_a_name_and_nothing_stopped()
    {
        var timers = new GatedTimers(_gate, _time);
        Start(timers, "refresh", 1);
        Start(timers, "refresh", 3);
        Start(timers, "hangup", 2);
        lock (_gate)
        {
            timers.Stop("hangup");
        }

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(["refresh"], _fired);
        Assert.Equal(0, _time.ActiveTimers);
    }

    [Fact]
    public void GatedTimers_should_fire_nothing_after_StopAll_not_even_timers_started_later()
    {
        var timers = new GatedTimers(_gate, _time);
        Start(timers, "a", 1);
        lock (_gate)
        {
            timers.StopAll();
        }

        Start(timers, "b", 1);
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Empty(_fired);
    }

    [Fact]
    public void GatedTimers_should_let_a_callback_start_the_next_timer()
    {
        var timers = new GatedTimers(_gate, _time);
        Start(timers, "retransmit", 1, () => Start(timers, "retransmit", 2));

        _time.Advance(TimeSpan.FromSeconds(2.5));
        Assert.Equal(["retransmit"], _fired);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["retransmit", "retransmit"], _fired);
    }

    private void Start(GatedTimers timers, string name, double seconds, Action? then = null)
    {
        lock (_gate)
        {
            timers.Start(name, TimeSpan.FromSeconds(seconds), () =>
            {
                _fired.Add(name);
                then?.Invoke();
            });
        }
    }
}
