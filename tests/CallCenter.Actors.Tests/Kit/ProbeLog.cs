using Akka.TestKit;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>Reads a probe by type and predicate, keeping what it skips for later expectations: the messages of
/// concurrent calls interleave in any order.</summary>
internal sealed class ProbeLog(TestProbe probe)
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);
    private readonly List<object> _skipped = [];

    public TestProbe Probe { get; } = probe;

    public async Task<T> Expect<T>(Func<T, bool>? match = null, TimeSpan? within = null)
        where T : class
    {
        match ??= _ => true;
        if (_skipped.OfType<T>().FirstOrDefault(match) is { } kept)
        {
            _skipped.Remove(kept);
            return kept;
        }

        var deadline = DateTime.UtcNow + (within ?? DefaultWait);
        while (DateTime.UtcNow < deadline)
        {
            var message = await Probe.ReceiveOneAsync(deadline - DateTime.UtcNow);
            if (message is T wanted && match(wanted))
            {
                return wanted;
            }

            if (message is not null)
            {
                _skipped.Add(message);
            }
        }

        throw new Xunit.Sdk.XunitException(
            $"No {typeof(T).Name} matching within {within ?? DefaultWait}; seen meanwhile: {string.Join(", ", _skipped)}");
    }

    /// <summary>Asserts nothing matching arrives (or was already skipped) within <paramref name="during"/>.</summary>
    public async Task ExpectNone<T>(Func<T, bool>? match = null, TimeSpan? during = null)
        where T : class
    {
        match ??= _ => true;
        var deadline = DateTime.UtcNow + (during ?? TimeSpan.FromMilliseconds(200));
        while (DateTime.UtcNow < deadline)
        {
            if (await Probe.ReceiveOneAsync(deadline - DateTime.UtcNow) is { } message)
            {
                _skipped.Add(message);
            }
        }

        Assert.DoesNotContain(_skipped.OfType<T>(), m => match(m));
    }
}
