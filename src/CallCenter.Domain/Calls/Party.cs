namespace CallCenter.Domain.Calls;

/// <summary>The two sides of a call.</summary>
public enum Party
{
    Caller,
    Agent,
}
