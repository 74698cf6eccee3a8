using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace CallCenter.Sip.Sdp;

/// <summary>
/// An immutable list compared by its elements, so records that hold lists get structural equality.
/// <c>default</c> is the empty list.
/// </summary>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public readonly struct ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> _items;

    public ValueList(ImmutableArray<T> items) => _items = items;

    public static ValueList<T> Empty => default;

    /// <summary>The elements; never a default (uninitialised) array.</summary>
    public ImmutableArray<T> Items => _items.IsDefault ? [] : _items;

    public int Count => _items.IsDefault ? 0 : _items.Length;

    public bool IsEmpty => Count == 0;

    public T this[int index] => Items[index];

    public ValueList<T> Add(T item) => new(Items.Add(item));

    public ValueList<T> SetItem(int index, T item) => new(Items.SetItem(index, item));

    public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();

    public bool Equals(ValueList<T> other)
    {
        var mine = Items;
        var theirs = other.Items;
        if (mine.Length != theirs.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < mine.Length; i++)
        {
            if (!comparer.Equals(mine[i], theirs[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", Items) + "]";

    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);

    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);

    public static implicit operator ValueList<T>(ImmutableArray<T> items) => new(items);
}

/// <summary>Factory for <see cref="ValueList{T}"/>, also used by collection expressions.</summary>
public static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(ImmutableArray.Create(items));

    public static ValueList<T> From<T>(IEnumerable<T> items) => new(items.ToImmutableArray());
}
