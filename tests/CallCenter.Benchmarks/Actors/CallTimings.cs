using System.Diagnostics;

namespace CallCenter.Benchmarks.Actors;

/// <summary>
/// Stopwatch timestamps per call, indexed by call number. Each slot has one writer (the load generator, the arrival
/// recorder or the signalling port) and is read only after the run has completed, which orders the writes before the reads.
/// </summary>
internal sealed class CallTimings
{
    private readonly long[] _sent;
    private readonly long[] _enqueued;
    private readonly long[] _answered;
    private readonly long[] _rung;
    private readonly long[] _done;
    private readonly TaskCompletionSource _allDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _completed;

    public CallTimings(int calls)
    {
        Count = calls;
        _sent = new long[calls];
        _enqueued = new long[calls];
        _answered = new long[calls];
        _rung = new long[calls];
        _done = new long[calls];
    }

    public int Count { get; }

    /// <summary>Completes when every call has ended.</summary>
    public Task AllDone => _allDone.Task;

    /// <summary>Raised (on the port's thread) each time a call ends; the closed-loop generator refills its window with it.</summary>
    public event Action? CallEnded;

    public static long Now => Stopwatch.GetTimestamp();

    public void Sent(int call) => _sent[call] = Now;

    public void Enqueued(int call) => _enqueued[call] = Now;

    public void Answered(int call) => _answered[call] = Now;

    public void Rung(int call)
    {
        // The first ring only: a call rung again (after a failed offer) was assigned at the first one.
        if (_rung[call] == 0)
        {
            _rung[call] = Now;
        }
    }

    public void Done(int call)
    {
        _done[call] = Now;
        CallEnded?.Invoke();
        if (Interlocked.Increment(ref _completed) == Count)
        {
            _allDone.TrySetResult();
        }
    }

    public int Completed => Volatile.Read(ref _completed);

    /// <summary>From the first call sent to the last call ended.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_sent.Min(), _done.Max());

    /// <summary>Enqueue (the CallActor has recorded the arrival and asks its queue) to the agent's phone being rung.</summary>
    public double[] EnqueueToRingMilliseconds() => Intervals(_enqueued, _rung);

    /// <summary>The call handed to the node (Receive sent) to the agent's phone being rung: adds the two arrival writes.</summary>
    public double[] ArrivalToRingMilliseconds() => Intervals(_sent, _rung);

    /// <summary>The call handed to the node to the customer being answered (the SIP side's 200 OK): the journal writes
    /// the customer waits for.</summary>
    public double[] ArrivalToAnswerMilliseconds() => Intervals(_sent, _answered);

    private static double[] Intervals(long[] from, long[] to)
    {
        var intervals = new double[from.Length];
        for (var i = 0; i < from.Length; i++)
        {
            if (from[i] == 0 || to[i] == 0)
            {
                throw new InvalidOperationException($"call {i} has no timestamp for one end of the interval");
            }

            intervals[i] = Stopwatch.GetElapsedTime(from[i], to[i]).TotalMilliseconds;
        }

        Array.Sort(intervals);
        return intervals;
    }
}
