using System.Collections.Concurrent;
using CallCenter.Media.Relay;

namespace CallCenter.Media.Tests.Relay;

public sealed class PortAllocatorSpec
{
    [Fact]
    public void Allocator_should_hand_out_even_rtp_ports_whose_rtcp_port_fits_the_range()
    {
        var ports = new PortAllocator(20001, 20010);

        var allocated = Enumerable.Range(0, ports.Capacity).Select(_ => ports.Allocate()).ToArray();

        Assert.Equal([20002, 20004, 20006, 20008], allocated);
        Assert.Equal((4, 0), (ports.InUse, ports.Available));
    }

    [Fact]
    public void Allocator_should_fail_clearly_when_every_pair_is_taken()
    {
        var ports = new PortAllocator(30000, 30003);
        ports.Allocate();
        ports.Allocate();

        Assert.False(ports.TryAllocate(out _));
        var error = Assert.Throws<MediaPortsExhaustedException>(() => ports.Allocate());
        Assert.Contains("30000-30003", error.Message, StringComparison.Ordinal);
        Assert.Contains("all 2 pairs", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Capacity);
    }

    [Fact]
    public void Allocator_should_reuse_a_released_pair_after_the_ones_never_used()
    {
        var ports = new PortAllocator(30000, 30005);
        var first = ports.Allocate();
        ports.Allocate();

        Assert.True(ports.Release(first));

        Assert.Equal(30004, ports.Allocate());
        Assert.Equal(first, ports.Allocate());
        Assert.False(ports.IsInUse(30001));
    }

    [Fact]
    public void Releasing_twice_or_releasing_a_stranger_should_change_nothing()
    {
        var ports = new PortAllocator(30000, 30005);
        var port = ports.Allocate();

        Assert.True(ports.Release(port));
        Assert.False(ports.Release(port));
        Assert.False(ports.Release(12345));
        Assert.Equal((0, 3), (ports.InUse, ports.Available));
    }

    [Fact]
    public void Concurrent_callers_should_never_share_a_pair()
    {
        var ports = new PortAllocator(40000, 40999);
        var held = new ConcurrentDictionary<int, int>();
        var clashes = 0;

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (!ports.TryAllocate(out var port))
            {
                return;
            }

            if (!held.TryAdd(port, i))
            {
                Interlocked.Increment(ref clashes);
            }

            held.TryRemove(port, out _);
            ports.Release(port);
        });

        Assert.Equal(0, clashes);
        Assert.Equal(0, ports.InUse);
        var all = Enumerable.Range(0, ports.Capacity).AsParallel().Select(_ => ports.Allocate()).ToHashSet();
        Assert.Equal(ports.Capacity, all.Count);
        Assert.All(all, p => Assert.True(p % 2 == 0 && p >= 40000 && p + 1 <= 40999));
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(100, 70000)]
    [InlineData(200, 100)]
    [InlineData(2001, 2002)]
    public void Allocator_should_reject_a_range_without_a_pair(int first, int last)
    {
        Assert.ThrowsAny<ArgumentException>(() => new PortAllocator(first, last));
    }
}
