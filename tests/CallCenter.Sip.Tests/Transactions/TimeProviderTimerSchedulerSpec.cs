using CallCenter.Testing;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Transactions.TransactionFixtures;

namespace CallCenter.Sip.Tests.Transactions;

public sealed class TimeProviderTimerSchedulerSpec : IDisposable
{
    private static readonly TransactionTimerKey KeyA = new(new ClientTransactionKey("z9hG4bKa", SipMethods.Options), TransactionTimer.E);
    private static readonly TransactionTimerKey KeyB = new(new ClientTransactionKey("z9hG4bKb", SipMethods.Options), TransactionTimer.E);

    private readonly ManualTimeProvider _time = new();
    private readonly TimeProviderTimerScheduler _scheduler;

    public TimeProviderTimerSchedulerSpec() => _scheduler = new TimeProviderTimerScheduler(_time);

    public void Dispose() => _scheduler.Dispose();

    [Fact]
    public void Scheduler_should_run_a_callback_once_when_its_delay_has_passed()
    {
        var fired = 0;
        _scheduler.Schedule(KeyA, TimeSpan.FromSeconds(1), () => fired++);

        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, fired);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, fired);
        Assert.Equal(0, _scheduler.PendingCount);
    }

    [Fact]
    public void Scheduler_should_replace_a_pending_timer_with_the_same_key()
    {
        var fired = new List<string>();
        _scheduler.Schedule(KeyA, TimeSpan.FromSeconds(1), () => fired.Add("first"));
        _scheduler.Schedule(KeyA, TimeSpan.FromSeconds(2), () => fired.Add("second"));
        _scheduler.Schedule(KeyB, TimeSpan.FromSeconds(1), () => fired.Add("other"));

        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(["other", "second"], fired);
        Assert.Equal(0, _time.ActiveTimers);
    }

    [Fact]
    public void Scheduler_should_not_run_a_cancelled_or_disposed_timer()
    {
        var fired = 0;
        _scheduler.Schedule(KeyA, TimeSpan.FromSeconds(1), () => fired++);
        _scheduler.Schedule(KeyB, TimeSpan.FromSeconds(1), () => fired++);

        _scheduler.Cancel(KeyA);
        _scheduler.Dispose();
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, fired);
        Assert.Equal(0, _time.ActiveTimers);
    }

    [Fact]
    public void Scheduler_should_drive_the_layer_through_a_non_invite_timeout()
    {
        var sender = new RecordingSender();
        var user = new RecordingUser();
        var layer = new SipTransactionLayer(sender, user, _scheduler, Timers);
        var key = layer.SendRequest(Options(branch: "z9hG4bKtp"), PeerUdp);

        _time.Advance(TimeSpan.FromSeconds(32));

        Assert.Equal((key, TransactionTimer.F), Assert.Single(user.Timeouts));
        Assert.Equal(11, sender.Requests.Count);
        Assert.Equal(0, layer.Count);
        Assert.Equal(0, _scheduler.PendingCount);
    }
}
