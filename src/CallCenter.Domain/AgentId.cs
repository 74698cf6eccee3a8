using System.Text.Json.Serialization;

namespace CallCenter.Domain;

/// <summary>Identifies one agent; compared ordinally, so ids that differ only in case are different agents.</summary>
public readonly record struct AgentId : IComparable<AgentId>
{
    [JsonConstructor]
    public AgentId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public string Value { get; }

    public int CompareTo(AgentId other) => string.CompareOrdinal(Value, other.Value);

    // default(AgentId) has no value; printing it must not throw.
    public override string ToString() => Value ?? string.Empty;
}
