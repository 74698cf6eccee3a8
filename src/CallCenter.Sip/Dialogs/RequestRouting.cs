using System.Collections.Immutable;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Dialogs;

/// <summary>
/// Where a request along a route set goes (RFC 3261 §12.2.1.1, §8.1.2): its Request-URI, its Route values in
/// order, and the next hop, the URI the caller resolves to an address (§8.1.2 via RFC 3263).
/// </summary>
public sealed record RequestRouting(SipUri RequestUri, ImmutableArray<NameAddress> Routes, SipUri NextHop)
{
    /// <summary>
    /// Loose routing when the first route has <c>lr</c>: Request-URI is the target, Route is the whole set.
    /// Strict routing otherwise: the first route becomes the Request-URI and the target is appended as the last Route,
    /// because a strict router replaces the Request-URI with the next Route value.
    /// </summary>
    public static RequestRouting For(ImmutableArray<NameAddress> routeSet, SipUri target)
    {
        if (routeSet.IsDefaultOrEmpty)
        {
            return new RequestRouting(target, [], target);
        }

        var first = routeSet[0].Uri;
        if (IsLooseRouter(first))
        {
            return new RequestRouting(target, routeSet, first);
        }

        var requestUri = ForRequestLine(first);
        var routes = routeSet.RemoveAt(0).Add(new NameAddress(target));
        return new RequestRouting(requestUri, routes, requestUri);
    }

    public static bool IsLooseRouter(SipUri uri) => uri.Parameters.Contains("lr");

    /// <summary>Drops what §19.1.1 (Table 1) forbids in a Request-URI: the method parameter and URI headers.</summary>
    private static SipUri ForRequestLine(SipUri uri) =>
        uri with { Parameters = uri.Parameters.Without("method"), Headers = null };
}
