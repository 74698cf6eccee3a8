using System.Collections;

namespace CallCenter.Sip.Messages;

/// <summary>
/// The enumerator of <see cref="SipHeaders"/> and <see cref="SipParameters"/>: a struct, so a <c>foreach</c> over
/// headers or parameters allocates nothing (it runs for every message on the hot path).
/// </summary>
public struct ArrayEnumerator<T> : IEnumerator<T>
{
    private readonly T[] _items;
    private int _index;

    internal ArrayEnumerator(T[] items)
    {
        _items = items;
        _index = -1;
    }

    public readonly T Current => _items[_index];

    readonly object? IEnumerator.Current => Current;

    public bool MoveNext() => ++_index < _items.Length;

    public void Reset() => _index = -1;

    public readonly void Dispose()
    {
    }
}
