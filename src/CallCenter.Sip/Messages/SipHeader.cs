namespace CallCenter.Sip.Messages;

/// <summary>One header line: its canonical name and its value, verbatim but for folding and surrounding whitespace.</summary>
public readonly record struct SipHeader(string Name, string Value)
{
    public override string ToString() => $"{Name}: {Value}";
}
