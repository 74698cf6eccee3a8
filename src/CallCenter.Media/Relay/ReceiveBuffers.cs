using System.Collections.Concurrent;

namespace CallCenter.Media.Relay;

/// <summary>
/// The receive buffers of relay sockets, one exact size per pool, kept for the next call. <c>ArrayPool.Shared</c>
/// held too few: with hundreds of calls up, four buffers each, most returns were dropped and most rents allocated
/// 4 KiB arrays that lived as long as their call, the mid-life objects the GC promotes and pays for in gen 1 and 2.
/// These live on the pinned object heap, since a socket receive pins its buffer anyway.
/// </summary>
internal sealed class ReceiveBuffers
{
    // 8 MiB of 2 KiB buffers: a thousand calls' worth stays; a bigger burst's extra buffers go to the GC.
    private const int MaxKept = 4096;

    private static readonly ConcurrentDictionary<int, ReceiveBuffers> BySize = new();

    private readonly Stack<byte[]> _free = new();
    private readonly int _length;

    private ReceiveBuffers(int length) => _length = length;

    /// <summary>Buffers waiting for a socket.</summary>
    public int Count
    {
        get
        {
            lock (_free)
            {
                return _free.Count;
            }
        }
    }

    public static ReceiveBuffers Of(int length) => BySize.GetOrAdd(length, static l => new ReceiveBuffers(l));

    public byte[] Rent()
    {
        lock (_free)
        {
            if (_free.TryPop(out var buffer))
            {
                return buffer;
            }
        }

        return GC.AllocateUninitializedArray<byte>(_length, pinned: true);
    }

    public void Return(byte[] buffer)
    {
        lock (_free)
        {
            if (_free.Count < MaxKept)
            {
                _free.Push(buffer);
            }
        }
    }
}
