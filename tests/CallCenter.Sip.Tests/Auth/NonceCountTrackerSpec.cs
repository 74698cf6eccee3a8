using CallCenter.Sip.Auth;

namespace CallCenter.Sip.Tests.Auth;

public class NonceCountTrackerSpec
{
    [Fact]
    public void Tracker_should_accept_only_increasing_counts_per_nonce()
    {
        var tracker = new NonceCountTracker(capacity: 10);

        Assert.Equal(NonceCountStatus.Accepted, tracker.TryAdvance("a", 100, 1, 0));
        Assert.Equal(NonceCountStatus.Accepted, tracker.TryAdvance("b", 100, 1, 0));
        Assert.Equal(NonceCountStatus.Accepted, tracker.TryAdvance("a", 100, 5, 0));
        Assert.Equal(NonceCountStatus.Replayed, tracker.TryAdvance("a", 100, 5, 0));
        Assert.Equal(NonceCountStatus.Replayed, tracker.TryAdvance("a", 100, 3, 0));
        Assert.Equal(NonceCountStatus.Accepted, tracker.TryAdvance("a", 100, 6, 0));
    }

    [Fact]
    public void Tracker_should_stay_within_its_capacity_under_a_flood_of_nonces()
    {
        var tracker = new NonceCountTracker(capacity: 100);

        for (var i = 0; i < 10_000; i++)
        {
            tracker.TryAdvance($"n{i}", i, 1, 0);
        }

        Assert.Equal(100, tracker.Count);
    }

    [Fact]
    public void Tracker_should_report_evicted_nonces_and_older_unseen_ones_as_forgotten()
    {
        var tracker = new NonceCountTracker(capacity: 2);
        tracker.TryAdvance("old", 10, 1, 0);
        tracker.TryAdvance("mid", 20, 1, 0);
        tracker.TryAdvance("new", 30, 1, 0);

        Assert.Equal(NonceCountStatus.Forgotten, tracker.TryAdvance("old", 10, 2, 0));
        Assert.Equal(NonceCountStatus.Forgotten, tracker.TryAdvance("older-never-seen", 5, 1, 0));
        Assert.Equal(NonceCountStatus.Accepted, tracker.TryAdvance("mid", 20, 2, 0));
        Assert.Equal(NonceCountStatus.Accepted, tracker.TryAdvance("newer-never-seen", 40, 1, 0));
    }

    [Fact]
    public void Tracker_should_drop_expired_nonces_and_remember_they_are_gone()
    {
        var tracker = new NonceCountTracker(capacity: 10);
        tracker.TryAdvance("expired", 10, 1, 0);
        tracker.TryAdvance("fresh", 50, 1, 0);

        tracker.TryAdvance("fresher", 60, 1, freshSinceMs: 40);

        Assert.Equal(2, tracker.Count);
        Assert.Equal(NonceCountStatus.Forgotten, tracker.TryAdvance("expired", 10, 1, freshSinceMs: 0));
    }
}
