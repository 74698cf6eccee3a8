using CallCenter.Media.Relay;
using static CallCenter.Media.Tests.TestKit.RelayHarness;

namespace CallCenter.Media.Tests.Relay;

/// <summary>Each spec uses a buffer size of its own, so no other spec shares its pool.</summary>
public sealed class ReceiveBuffersSpec
{
    [Fact]
    public void A_returned_buffer_should_serve_the_next_socket_at_its_exact_size()
    {
        var buffers = ReceiveBuffers.Of(1501);

        var first = buffers.Rent();
        buffers.Return(first);
        var second = buffers.Rent();

        Assert.Equal(1501, first.Length);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_closed_relay_should_leave_its_four_receive_buffers_to_the_next_one()
    {
        var options = new MediaRelayOptions { MaxDatagramBytes = 1776 };
        var buffers = ReceiveBuffers.Of(1777);
        await Start(options).DisposeAsync();
        var free = buffers.Count;

        await using var next = Start(options);

        Assert.True(free >= 4, $"the closed relay returned {free} buffers");
        Assert.Equal(free - 4, buffers.Count);
    }
}
