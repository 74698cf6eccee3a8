namespace CallCenter.Sip.Auth;

/// <summary>Which of a request's source and account are banned.</summary>
[Flags]
public enum AuthBanStatus
{
    None = 0,
    SourceBanned = 1,
    AccountBanned = 2,
}
