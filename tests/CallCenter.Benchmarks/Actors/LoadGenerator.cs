using System.Diagnostics;

namespace CallCenter.Benchmarks.Actors;

/// <summary>Feeds calls to a node: as fast as the node ends them (closed loop), or at a fixed rate (open loop).</summary>
internal static class LoadGenerator
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>Keeps <paramref name="window"/> calls in flight until all of <paramref name="timings"/> have ended.</summary>
    public static async Task ClosedLoop(BenchmarkNode node, CallBook book, string phase, CallTimings timings, int queues, int window)
    {
        book.Open(phase, timings);
        using var slots = new SemaphoreSlim(window);
        void Release() => slots.Release();
        timings.CallEnded += Release;
        try
        {
            for (var i = 0; i < timings.Count; i++)
            {
                await slots.WaitAsync();
                timings.Sent(i);
                node.Call(CallBook.Id(phase, i), BenchmarkNode.QueueAt(i % queues));
            }

            await timings.AllDone.WaitAsync(Patience);
        }
        finally
        {
            timings.CallEnded -= Release;
        }
    }

    /// <summary>Sends call i at start + i / <paramref name="rate"/> seconds, whatever the node does, then waits for the ends.</summary>
    public static async Task Paced(BenchmarkNode node, CallBook book, string phase, CallTimings timings, int queues, int rate)
    {
        book.Open(phase, timings);
        var start = Stopwatch.GetTimestamp();
        var period = (double)Stopwatch.Frequency / rate;
        for (var i = 0; i < timings.Count; i++)
        {
            var due = start + (long)(i * period);
            while (Stopwatch.GetTimestamp() < due)
            {
                // Timer resolution is about a millisecond: calls due meanwhile go out together, each stamped when sent.
                await Task.Delay(1);
            }

            timings.Sent(i);
            node.Call(CallBook.Id(phase, i), BenchmarkNode.QueueAt(i % queues));
        }

        await timings.AllDone.WaitAsync(Patience);
    }
}
