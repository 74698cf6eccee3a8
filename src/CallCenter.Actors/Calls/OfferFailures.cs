using CallCenter.Domain;
using CallCenter.Domain.Agents;

namespace CallCenter.Actors.Calls;

/// <summary>How an agent leg's failure counts, from the final SIP status of the agent's phone.</summary>
public static class OfferFailures
{
    /// <summary>486/600 are busy, 603 and 403 a refusal, 408/480/487 nobody answering; anything else a failure.</summary>
    public static OfferFailure FromStatus(int status) => status switch
    {
        486 or 600 => OfferFailure.Busy,
        403 or 603 => OfferFailure.Declined,
        408 or 480 or 487 => OfferFailure.NoAnswer,
        _ => OfferFailure.Failed,
    };

    /// <summary>The reason the agent's reservation is released with; every offer failure is the agent's miss.</summary>
    public static ReleaseReason ToReleaseReason(this OfferFailure failure) => failure switch
    {
        OfferFailure.NoAnswer => ReleaseReason.NoAnswer,
        OfferFailure.Busy => ReleaseReason.Busy,
        OfferFailure.Declined => ReleaseReason.Declined,
        _ => ReleaseReason.Failed,
    };
}
