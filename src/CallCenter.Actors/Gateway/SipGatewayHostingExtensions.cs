using Akka.Hosting;
using CallCenter.Actors.Agents;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Hosting;
using CallCenter.Actors.Signalling;

namespace CallCenter.Actors.Gateway;

/// <summary>Akka.Hosting wiring of the node's SIP gateway.</summary>
public static class SipGatewayHostingExtensions
{
    /// <summary>
    /// Starts <see cref="SipGatewayActor"/> (named "sip") and registers it as <see cref="SipGatewayActor"/> and as the
    /// <see cref="SignallingPort"/>. Call it after <c>AddAgentActors</c> and before <c>AddCallActors</c>; it finds the
    /// agents and calls actors in the registry when it first needs them.
    /// </summary>
    /// <exception cref="ArgumentException">The settings are invalid (thrown here, before the ActorSystem starts).</exception>
    public static AkkaConfigurationBuilder WithSipGateway(this AkkaConfigurationBuilder builder, SipGatewaySettings settings)
    {
        return builder.WithValidatedActor(settings, "SIP gateway", (system, registry) =>
        {
            var gateway = system.ActorOf(
                SipGatewayActor.Props(settings, () => registry.Get<AgentActor>(), () => registry.Get<CallActor>()), "sip");
            registry.Register<SipGatewayActor>(gateway);
            registry.Register<SignallingPort>(gateway);
        });
    }
}
