namespace CallCenter.Sip.Auth;

/// <summary>The outcome of checking a request's digest credentials.</summary>
public abstract record DigestAuthResult
{
    private DigestAuthResult()
    {
    }

    /// <summary>The credentials are right, fresh and not replayed.</summary>
    public sealed record Success(string Username) : DigestAuthResult;

    /// <summary>The response is right but its nonce is too old: answer 401 with a challenge carrying stale=true.</summary>
    public sealed record Stale(string Username) : DigestAuthResult;

    /// <summary>
    /// The credentials are wrong. <see cref="Reason"/> is for logs only: never tell it to the peer. An unknown user
    /// and a wrong password give the same reason, so logs and any counters keyed on it cannot enumerate accounts.
    /// <see cref="Username"/> is the claimed username when the credentials could be read, for per-account counting.
    /// </summary>
    public sealed record Failure(DigestFailureReason Reason, string? Username) : DigestAuthResult;

    /// <summary>No Digest credentials at all: answer with a challenge, and do not count a failure.</summary>
    public sealed record Missing : DigestAuthResult
    {
        private Missing()
        {
        }

        public static Missing Instance { get; } = new();
    }
}

/// <summary>Why credentials were refused; for logs only.</summary>
public enum DigestFailureReason
{
    MalformedCredentials,
    RealmMismatch,
    UnsupportedAlgorithm,
    UnsupportedQop,
    UnsupportedUserhash,
    UriMismatch,
    InvalidNonce,
    OpaqueMismatch,
    InvalidResponse,
    NonceReplayed,
}
