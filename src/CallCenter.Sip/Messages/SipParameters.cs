using System.Collections;
using System.Text;

namespace CallCenter.Sip.Messages;

/// <summary>An ordered, immutable parameter list; names are looked up case-insensitively (RFC 3261 §7.3.1).</summary>
public sealed class SipParameters : IReadOnlyList<SipParameter>, IEquatable<SipParameters>
{
    public static readonly SipParameters Empty = new([]);

    private readonly SipParameter[] _items;

    internal SipParameters(SipParameter[] items) => _items = items;

    public SipParameters(IEnumerable<SipParameter> items) => _items = items.ToArray();

    public int Count => _items.Length;

    public SipParameter this[int index] => _items[index];

    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>The value as written (quotes kept), null when absent or a flag without value.</summary>
    public string? this[string name]
    {
        get
        {
            var index = IndexOf(name);
            return index >= 0 ? _items[index].Value : null;
        }
    }

    /// <summary>The value with surrounding quotes and escapes removed.</summary>
    public string? Unquoted(string name) => this[name] is { } value ? QuotedString.Unquote(value) : null;

    /// <summary>Sets or replaces a parameter, keeping the position of an existing one.</summary>
    public SipParameters With(string name, string? value)
    {
        var index = IndexOf(name);
        var copy = index >= 0 ? (SipParameter[])_items.Clone() : [.. _items, default];
        copy[index >= 0 ? index : copy.Length - 1] = new SipParameter(index >= 0 ? _items[index].Name : name, value);
        return new SipParameters(copy);
    }

    public SipParameters Without(string name)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            return this;
        }

        return new SipParameters(_items.Where((_, i) => i != index).ToArray());
    }

    /// <summary>Writes <c>;name=value</c> for each parameter.</summary>
    public void AppendTo(StringBuilder builder)
    {
        foreach (var item in _items)
        {
            builder.Append(';').Append(item.Name);
            if (item.Value is not null)
            {
                builder.Append('=').Append(item.Value);
            }
        }
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    public ArrayEnumerator<SipParameter> GetEnumerator() => new(_items);

    IEnumerator<SipParameter> IEnumerable<SipParameter>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(SipParameters? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items));

    public override bool Equals(object? obj) => Equals(obj as SipParameters);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (string.Equals(_items[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
