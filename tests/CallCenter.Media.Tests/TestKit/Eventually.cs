using System.Diagnostics;
using Xunit.Sdk;

namespace CallCenter.Media.Tests.TestKit;

/// <summary>Bounded waits for what real sockets deliver asynchronously: poll a condition until a deadline, then fail.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task Until(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeout;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new XunitException($"timed out after {limit.TotalSeconds:0.#} s waiting for {what}");
            }

            await Task.Delay(5);
        }
    }
}
