using CallCenter.Sip.Messages;

namespace CallCenter.Actors.Gateway;

/// <summary>How the gateway turns new work away while its node shuts down (the calls it has keep their legs).</summary>
public static class SipGatewayDrain
{
    /// <summary>From now on new INVITEs and REGISTERs get 503 with this Retry-After; answered with <see cref="Draining"/>.</summary>
    public sealed record StartDraining(TimeSpan RetryAfter);

    public sealed record Draining
    {
        public static Draining Instance { get; } = new();
    }

    /// <summary>503 (RFC 3261 §21.5.4): a caller's proxy or phone may try another node, or this one after
    /// <paramref name="retryAfter"/>; only REGISTER and dialog-creating INVITE get it, in-dialog requests go on.</summary>
    internal static SipResponse Refusal(SipRequest request, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        return SipResponse.For(request, 503, toTag: Sip.Dialogs.SipTokens.NewTag())
            .WithHeaders(h => h.Add(SipHeaderNames.RetryAfter, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
