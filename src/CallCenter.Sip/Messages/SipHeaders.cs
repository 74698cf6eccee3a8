using System.Collections;

namespace CallCenter.Sip.Messages;

/// <summary>
/// The header lines of a message in wire order. Immutable: every change returns a new instance.
/// Lookups are by canonical name, case-insensitive, so compact and long forms are the same header.
/// </summary>
public sealed class SipHeaders : IReadOnlyList<SipHeader>, IEquatable<SipHeaders>
{
    public static readonly SipHeaders Empty = new([]);

    private readonly SipHeader[] _headers;

    internal SipHeaders(SipHeader[] headers) => _headers = headers;

    public SipHeaders(IEnumerable<SipHeader> headers)
        : this(headers.Select(h => new SipHeader(SipHeaderNames.Canonicalize(h.Name), h.Value)).ToArray())
    {
    }

    public int Count => _headers.Length;

    public SipHeader this[int index] => _headers[index];

    /// <summary>The value of the first line with this name, or null.</summary>
    public string? First(string name)
    {
        name = SipHeaderNames.Canonicalize(name);
        foreach (var header in _headers)
        {
            if (Matches(header, name))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <summary>How many lines carry this header.</summary>
    public int CountOf(string name)
    {
        name = SipHeaderNames.Canonicalize(name);
        var count = 0;
        foreach (var header in _headers)
        {
            if (Matches(header, name))
            {
                count++;
            }
        }

        return count;
    }

    public bool Contains(string name) => First(name) is not null;

    /// <summary>Every line's value for this header, in order (lines, not comma-separated items).</summary>
    public IEnumerable<string> Lines(string name)
    {
        name = SipHeaderNames.Canonicalize(name);
        foreach (var header in _headers)
        {
            if (Matches(header, name))
            {
                yield return header.Value;
            }
        }
    }

    /// <summary>
    /// Every value of a list header in order: comma-separated values on one line and repeated lines mean
    /// the same (RFC 3261 §7.3.1). Commas inside quotes or angle brackets do not split.
    /// </summary>
    public IReadOnlyList<string> Values(string name)
    {
        name = SipHeaderNames.Canonicalize(name);
        List<string>? values = null;
        foreach (var header in _headers)
        {
            if (Matches(header, name))
            {
                values ??= [];
                HeaderValueSplitter.SplitInto(header.Value, values);
            }
        }

        return values ?? (IReadOnlyList<string>)[];
    }

    public SipHeaders Add(string name, string value) => Insert(_headers.Length, name, value);

    /// <summary>Adds a line before all others (Via of a forwarded request, Record-Route).</summary>
    public SipHeaders Prepend(string name, string value) => Insert(0, name, value);

    /// <summary>Replaces every line of this header with one line at the position of the first (or at the end).</summary>
    public SipHeaders Set(string name, string value)
    {
        var canonical = SipHeaderNames.Canonicalize(name);
        var result = new List<SipHeader>(_headers.Length + 1);
        var placed = false;
        foreach (var header in _headers)
        {
            if (!Matches(header, canonical))
            {
                result.Add(header);
            }
            else if (!placed)
            {
                result.Add(new SipHeader(canonical, value));
                placed = true;
            }
        }

        if (!placed)
        {
            result.Add(new SipHeader(canonical, value));
        }

        return new SipHeaders(result.ToArray());
    }

    public SipHeaders Remove(string name)
    {
        var canonical = SipHeaderNames.Canonicalize(name);
        if (First(canonical) is null)
        {
            return this;
        }

        return new SipHeaders(_headers.Where(h => !Matches(h, canonical)).ToArray());
    }

    /// <summary>Removes the first value of a list header (the top Via when a response goes back upstream).</summary>
    public SipHeaders RemoveFirstValue(string name)
    {
        name = SipHeaderNames.Canonicalize(name);
        for (var i = 0; i < _headers.Length; i++)
        {
            if (!Matches(_headers[i], name))
            {
                continue;
            }

            var values = new List<string>();
            HeaderValueSplitter.SplitInto(_headers[i].Value, values);
            var rest = _headers.ToList();
            if (values.Count <= 1)
            {
                rest.RemoveAt(i);
            }
            else
            {
                rest[i] = _headers[i] with { Value = string.Join(", ", values.Skip(1)) };
            }

            return new SipHeaders(rest.ToArray());
        }

        return this;
    }

    public ArrayEnumerator<SipHeader> GetEnumerator() => new(_headers);

    IEnumerator<SipHeader> IEnumerable<SipHeader>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(SipHeaders? other) =>
        other is not null && (ReferenceEquals(this, other) || _headers.AsSpan().SequenceEqual(other._headers));

    public override bool Equals(object? obj) => Equals(obj as SipHeaders);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var header in _headers)
        {
            hash.Add(header);
        }

        return hash.ToHashCode();
    }

    private SipHeaders Insert(int index, string name, string value)
    {
        var copy = new SipHeader[_headers.Length + 1];
        Array.Copy(_headers, 0, copy, 0, index);
        copy[index] = new SipHeader(SipHeaderNames.Canonicalize(name), value);
        Array.Copy(_headers, index, copy, index + 1, _headers.Length - index);
        return new SipHeaders(copy);
    }

    /// <summary>Compares a stored (canonical) name with a canonicalized one: known names are one shared instance.</summary>
    private static bool Matches(SipHeader header, string canonicalName) =>
        ReferenceEquals(header.Name, canonicalName) || string.Equals(header.Name, canonicalName, StringComparison.OrdinalIgnoreCase);
}
