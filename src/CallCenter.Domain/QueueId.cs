using System.Text.Json.Serialization;

namespace CallCenter.Domain;

/// <summary>Identifies one queue; compared ordinally, so ids that differ only in case are different queues.</summary>
public readonly record struct QueueId : IComparable<QueueId>
{
    [JsonConstructor]
    public QueueId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public string Value { get; }

    public int CompareTo(QueueId other) => string.CompareOrdinal(Value, other.Value);

    // default(QueueId) has no value; printing it must not throw.
    public override string ToString() => Value ?? string.Empty;
}
