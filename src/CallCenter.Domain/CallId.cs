using System.Text.Json.Serialization;

namespace CallCenter.Domain;

/// <summary>Identifies one call; compared ordinally, so ids that differ only in case are different calls.</summary>
public readonly record struct CallId : IComparable<CallId>
{
    [JsonConstructor]
    public CallId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public string Value { get; }

    public int CompareTo(CallId other) => string.CompareOrdinal(Value, other.Value);

    // default(CallId) has no value; printing it must not throw.
    public override string ToString() => Value ?? string.Empty;
}
