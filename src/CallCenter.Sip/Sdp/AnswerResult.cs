namespace CallCenter.Sip.Sdp;

/// <summary>The outcome of answering a remote offer.</summary>
public abstract record AnswerResult
{
    private AnswerResult()
    {
    }

    /// <summary>An audio stream was accepted: send <paramref name="Answer"/> and set up the relay from <paramref name="Audio"/>.</summary>
    public sealed record Accepted(SessionDescription Answer, NegotiatedAudio Audio) : AnswerResult;

    /// <summary>Nothing acceptable: reply 488 Not Acceptable Here (and keep any previous session).</summary>
    public sealed record Rejected(NegotiationFailure Failure) : AnswerResult;
}

/// <summary>The outcome of reading the peer's answer to our offer.</summary>
public abstract record NegotiationResult
{
    private NegotiationResult()
    {
    }

    public sealed record Agreed(NegotiatedAudio Audio) : NegotiationResult;

    /// <summary>The answer leaves no usable audio; the call leg should be ended.</summary>
    public sealed record Failed(NegotiationFailure Failure) : NegotiationResult;
}
