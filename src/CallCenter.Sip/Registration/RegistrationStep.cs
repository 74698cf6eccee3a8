namespace CallCenter.Sip.Registration;

/// <summary>What a <see cref="RegistrationClient"/> made of a response to its REGISTER.</summary>
public abstract record RegistrationStep
{
    private RegistrationStep()
    {
    }

    /// <summary>Not for us or not final (a 1xx, a late response to an earlier REGISTER): nothing to do.</summary>
    public sealed record Pending : RegistrationStep
    {
        public static readonly Pending Instance = new();
    }

    /// <summary>Send this REGISTER now: it answers a challenge (401/407) or asks for the registrar's Min-Expires (423).</summary>
    public sealed record Resend(Messages.SipRequest Request, string Reason) : RegistrationStep;

    /// <summary>The binding stands for <paramref name="Expires"/>; register again after <paramref name="RefreshIn"/>.</summary>
    public sealed record Registered(TimeSpan Expires, TimeSpan RefreshIn) : RegistrationStep;

    /// <summary>The registrar removed our binding (the answer to <see cref="RegistrationClient.Unregister"/>).</summary>
    public sealed record Unregistered : RegistrationStep
    {
        public static readonly Unregistered Instance = new();
    }

    /// <summary>A final refusal: wrong credentials after the allowed challenges, 403, 404, 5xx, an unanswerable challenge.</summary>
    public sealed record Failed(int StatusCode, string Reason) : RegistrationStep;
}
