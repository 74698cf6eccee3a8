namespace CallCenter.Sip.Messages;

/// <summary>A <c>;name</c> or <c>;name=value</c> parameter. The value is kept as written (a quoted string keeps its quotes).</summary>
public readonly record struct SipParameter(string Name, string? Value)
{
    public override string ToString() => Value is null ? Name : $"{Name}={Value}";
}
