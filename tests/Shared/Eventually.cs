namespace CallCenter.Testing;

/// <summary>
/// Waits for a condition that another process or thread makes true, checking it every few milliseconds up to a
/// deadline: the same idea as Akka's AwaitAssert, for code outside an actor system. It never sleeps a fixed time.
/// </summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (!condition())
        {
            if (DateTime.UtcNow >= until)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        return true;
    }
}
