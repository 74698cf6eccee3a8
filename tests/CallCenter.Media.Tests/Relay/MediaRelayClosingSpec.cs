using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using CallCenter.Media.Relay;
using CallCenter.Media.Tests.TestKit;
using static CallCenter.Media.Tests.TestKit.RelayHarness;

namespace CallCenter.Media.Tests.Relay;

/// <summary>First-chance exceptions are counted process-wide, so this runs with nothing else (the allocation collection).</summary>
[Collection(nameof(AllocationMeasurement))]
public sealed class MediaRelayClosingSpec
{
    [Fact]
    public async Task Closing_a_relay_should_end_its_four_receive_loops_without_throwing()
    {
        var h = Start();
        var garbage = new byte[] { 1, 2, 3, 4 };
        foreach (var leg in new[] { h.Relay.Customer, h.Relay.Agent })
        {
            // A datagram on each socket proves its loop runs and is waiting for the next one when the relay closes.
            h.Customer.Send(garbage, new IPEndPoint(IPAddress.Loopback, leg.LocalRtpPort));
            h.Customer.Send(garbage, new IPEndPoint(IPAddress.Loopback, leg.LocalRtcpPort));
        }

        await h.UntilCustomerLeg(s => s is { RtpReceived: 1, RtcpReceived: 1 }, "the customer leg's loops to receive");
        await h.UntilAgentLeg(s => s is { RtpReceived: 1, RtcpReceived: 1 }, "the agent leg's loops to receive");
        var thrown = new List<string>();
        void Count(object? sender, FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                lock (thrown)
                {
                    thrown.Add(e.Exception.GetType().Name);
                }
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            await h.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.True(h.Relay.Completion.IsCompletedSuccessfully);
        Assert.Empty(thrown);
        Assert.Equal(0, h.Ports.InUse);
    }
}
