using CallCenter.Testing;
using CallCenter.Sip.Auth;

namespace CallCenter.Sip.Tests.Auth;

public class AuthFailureTrackerSpec
{
    private const string Ip = "198.51.100.7";
    private readonly ManualTimeProvider _clock = new();

    private static readonly AuthFailureTrackerOptions Options = new()
    {
        Window = TimeSpan.FromMinutes(1),
        SourceBanThreshold = 5,
        AccountBanThreshold = 3,
        BanDuration = TimeSpan.FromMinutes(10),
        MaxTrackedKeys = 100,
    };

    [Fact]
    public void Tracker_should_ban_a_source_when_it_reaches_the_threshold_within_the_window()
    {
        var tracker = new AuthFailureTracker(Options, _clock);

        var statuses = Enumerable.Range(0, 5).Select(i => tracker.RecordFailure(Ip, $"user{i}")).ToArray();

        Assert.All(statuses[..4], s => Assert.Equal(AuthBanStatus.None, s));
        Assert.Equal(AuthBanStatus.SourceBanned, statuses[4]);
        Assert.Equal(AuthBanStatus.SourceBanned, tracker.GetStatus(Ip, "anyone"));
        Assert.Equal(AuthBanStatus.None, tracker.GetStatus("203.0.113.1", "anyone"));
    }

    [Fact]
    public void Tracker_should_ban_an_account_attacked_from_many_sources()
    {
        var tracker = new AuthFailureTracker(Options, _clock);

        tracker.RecordFailure("192.0.2.1", "alice");
        tracker.RecordFailure("192.0.2.2", "alice");
        var status = tracker.RecordFailure("192.0.2.3", "alice");

        Assert.Equal(AuthBanStatus.AccountBanned, status);
        Assert.Equal(AuthBanStatus.AccountBanned, tracker.GetStatus("192.0.2.99", "alice"));
        Assert.Equal(AuthBanStatus.None, tracker.GetStatus("192.0.2.99", "bob"));
    }

    [Fact]
    public void Tracker_should_report_source_and_account_bans_together()
    {
        var tracker = new AuthFailureTracker(Options, _clock);
        for (var i = 0; i < 3; i++)
        {
            tracker.RecordFailure($"192.0.2.{i}", "alice");
        }

        for (var i = 0; i < 5; i++)
        {
            tracker.RecordFailure(Ip, "carol");
        }

        Assert.Equal(AuthBanStatus.SourceBanned | AuthBanStatus.AccountBanned, tracker.GetStatus(Ip, "alice"));
    }

    [Fact]
    public void Tracker_should_forget_failures_that_slid_out_of_the_window()
    {
        var tracker = new AuthFailureTracker(Options, _clock);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(AuthBanStatus.None, tracker.RecordFailure(Ip, "alice"));
            _clock.Advance(TimeSpan.FromSeconds(31));
        }

        Assert.Equal(AuthBanStatus.None, tracker.GetStatus(Ip, "alice"));
    }

    [Fact]
    public void Tracker_should_count_failures_inside_the_window_even_when_spread_out()
    {
        var tracker = new AuthFailureTracker(Options, _clock);

        tracker.RecordFailure(Ip, "alice");
        _clock.Advance(TimeSpan.FromSeconds(29));
        tracker.RecordFailure(Ip, "alice");
        _clock.Advance(TimeSpan.FromSeconds(30));
        var status = tracker.RecordFailure(Ip, "alice");

        Assert.Equal(AuthBanStatus.AccountBanned, status);
    }

    [Fact]
    public void Tracker_should_lift_a_ban_after_the_ban_duration()
    {
        var tracker = new AuthFailureTracker(Options, _clock);
        for (var i = 0; i < 5; i++)
        {
            tracker.RecordFailure(Ip, null);
        }

        _clock.Advance(Options.BanDuration - TimeSpan.FromSeconds(1));
        Assert.Equal(AuthBanStatus.SourceBanned, tracker.GetStatus(Ip, null));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(AuthBanStatus.None, tracker.GetStatus(Ip, null));
        Assert.Equal(AuthBanStatus.None, tracker.RecordFailure(Ip, null));
    }

    [Fact]
    public void Tracker_should_reset_the_account_count_on_success_but_not_the_source_count()
    {
        var tracker = new AuthFailureTracker(Options, _clock);
        tracker.RecordFailure(Ip, "alice");
        tracker.RecordFailure(Ip, "alice");

        tracker.RecordSuccess("alice");
        var afterReset = tracker.RecordFailure(Ip, "alice");
        tracker.RecordFailure(Ip, "alice");
        var sourceStatus = tracker.RecordFailure(Ip, "alice");

        Assert.Equal(AuthBanStatus.None, afterReset);
        Assert.Equal(AuthBanStatus.SourceBanned | AuthBanStatus.AccountBanned, sourceStatus);
    }

    [Fact]
    public void Tracker_should_keep_an_account_ban_in_force_after_a_success()
    {
        var tracker = new AuthFailureTracker(Options, _clock);
        for (var i = 0; i < 3; i++)
        {
            tracker.RecordFailure($"192.0.2.{i}", "alice");
        }

        tracker.RecordSuccess("alice");

        Assert.Equal(AuthBanStatus.AccountBanned, tracker.GetStatus("192.0.2.50", "alice"));
    }

    [Fact]
    public void Tracker_should_count_only_failures_when_fed_digest_results()
    {
        var tracker = new AuthFailureTracker(Options with { SourceBanThreshold = 2 }, _clock);

        tracker.Record(Ip, DigestAuthResult.Missing.Instance);
        tracker.Record(Ip, new DigestAuthResult.Stale("alice"));
        var afterOne = tracker.Record(Ip, new DigestAuthResult.Failure(DigestFailureReason.InvalidResponse, "alice"));
        tracker.Record(Ip, new DigestAuthResult.Success("alice"));
        var afterTwo = tracker.Record(Ip, new DigestAuthResult.Failure(DigestFailureReason.InvalidNonce, null));

        Assert.Equal(AuthBanStatus.None, afterOne);
        Assert.Equal(AuthBanStatus.SourceBanned, afterTwo);
    }

    [Fact]
    public void Tracker_should_forget_the_least_recently_seen_keys_beyond_its_capacity()
    {
        var tracker = new AuthFailureTracker(Options with { MaxTrackedKeys = 3, SourceBanThreshold = 2 }, _clock);
        tracker.RecordFailure("10.0.0.1", null);

        for (var i = 2; i <= 100; i++)
        {
            tracker.RecordFailure($"10.0.0.{i}", null);
        }

        // The first source's single failure was evicted, so one more does not reach the threshold of two.
        Assert.Equal(AuthBanStatus.None, tracker.RecordFailure("10.0.0.1", null));
        Assert.Equal(AuthBanStatus.SourceBanned, tracker.RecordFailure("10.0.0.100", null));
    }

    [Fact]
    public void Tracker_should_refuse_unusable_options()
    {
        Assert.ThrowsAny<ArgumentException>(() => new AuthFailureTracker(Options with { SourceBanThreshold = 0 }, _clock));
        Assert.ThrowsAny<ArgumentException>(() => new AuthFailureTracker(Options with { Window = TimeSpan.Zero }, _clock));
        Assert.ThrowsAny<ArgumentException>(() => new AuthFailureTracker(Options with { MaxTrackedKeys = 0 }, _clock));
    }
}
