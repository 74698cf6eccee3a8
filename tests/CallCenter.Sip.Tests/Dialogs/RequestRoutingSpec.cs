using System.Collections.Immutable;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CsCheck;

namespace CallCenter.Sip.Tests.Dialogs;

public class RequestRoutingSpec
{
    private static readonly SipUri Target = SipUri.Parse("sip:alice@10.0.0.5:5060");

    [Fact]
    public void Strict_route_should_lose_the_parameters_and_headers_a_request_uri_may_not_have()
    {
        var strict = SipUri.Parse("sip:strict.example.net;method=INVITE;transport=tcp") with { Headers = "subject=x" };

        var routing = RequestRouting.For([new NameAddress(strict)], Target);

        Assert.Equal(SipUri.Parse("sip:strict.example.net;transport=tcp"), routing.RequestUri);
        Assert.Equal(routing.RequestUri, routing.NextHop);
        Assert.Equal([Target], routing.Routes.Select(r => r.Uri));
    }

    [Fact]
    public void Loose_routing_should_keep_route_parameters_as_recorded()
    {
        var recorded = new NameAddress(null, SipUri.Parse("sip:p1.example.com;lr;ftag=abc"), SipParameters.Empty.With("x", "1"));

        var routing = RequestRouting.For([recorded], Target);

        Assert.Equal("<sip:p1.example.com;lr;ftag=abc>;x=1", Assert.Single(routing.Routes).ToString());
        Assert.Equal(Target, routing.RequestUri);
    }

    /// <summary>
    /// Whatever mix of loose and strict routers the route set holds, the request formed by the UAC and then handled by
    /// each proxy per §16.4/§16.6 visits every route in order and arrives at the remote target with it as Request-URI.
    /// </summary>
    [Fact]
    public void Request_should_visit_every_route_in_order_and_reach_the_target_through_any_mix_of_routers()
    {
        Gen.Bool.List[0, 8].Sample(looseFlags =>
        {
            var routeSet = looseFlags
                .Select((loose, i) => new NameAddress(SipUri.Parse($"sip:p{i}.example.net" + (loose ? ";lr" : ""))))
                .ToImmutableArray();

            var (visited, arrivedWith) = Walk(RequestRouting.For(routeSet, Target));

            Assert.Equal(routeSet.Select(r => r.Uri.Host).Append(Target.Host), visited);
            Assert.Equal(Target, arrivedWith);
        });
    }

    /// <summary>Plays each proxy: a strict router replaces the Request-URI with the next Route; a loose one pops itself.</summary>
    private static (List<string> Visited, SipUri RequestUri) Walk(RequestRouting routing)
    {
        var requestUri = routing.RequestUri;
        var routes = routing.Routes.Select(r => r.Uri).ToList();
        var destination = routing.NextHop;
        var visited = new List<string>();
        while (true)
        {
            visited.Add(destination.Host);
            if (destination.Host == Target.Host || visited.Count > 20)
            {
                return (visited, requestUri);
            }

            var here = destination;
            if (!RequestRouting.IsLooseRouter(here))
            {
                Assert.Equal(here.Host, requestUri.Host);
                requestUri = routes[0];
                routes.RemoveAt(0);
                destination = requestUri;
                continue;
            }

            if (requestUri.Host == here.Host)
            {
                // §16.4: a strict router before us put our URI in the Request-URI; the real one is the last Route.
                requestUri = routes[^1];
                routes.RemoveAt(routes.Count - 1);
            }
            else
            {
                Assert.Equal(here.Host, routes[0].Host);
                routes.RemoveAt(0);
            }

            if (routes.Count > 0 && !RequestRouting.IsLooseRouter(routes[0]))
            {
                // §16.6 step 6: forwarding to a strict router moves the Request-URI to the end of Route.
                routes.Add(requestUri);
                requestUri = routes[0];
                routes.RemoveAt(0);
                destination = requestUri;
                continue;
            }

            destination = routes.Count > 0 ? routes[0] : requestUri;
        }
    }
}
