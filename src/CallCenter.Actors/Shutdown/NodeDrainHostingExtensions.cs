using System.Globalization;
using Akka;
using Akka.Actor;
using Akka.Hosting;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Gateway;
using CallCenter.Actors.Hosting;

namespace CallCenter.Actors.Shutdown;

/// <summary>Akka.Hosting wiring of the node's graceful shutdown.</summary>
public static class NodeDrainHostingExtensions
{
    /// <summary>Starts <see cref="NodeDrainActor"/> ("drain") and runs it as CoordinatedShutdown's first task, in
    /// before-service-unbind: everything else (the gateway's sockets, the journal) is still up while calls end. That
    /// phase's timeout is raised above the longest drain so Akka does not cut it short. Call after <c>AddCallActors</c>.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public static AkkaConfigurationBuilder WithNodeDrain(this AkkaConfigurationBuilder builder, NodeDrainSettings settings)
    {
        return builder
            .WithValidatedActor(settings, "shutdown", (system, registry) =>
            {
                var drain = system.ActorOf(NodeDrainActor.Props(settings, registry.Get<SipGatewayActor>(), registry.Get<CallActor>()), "drain");
                registry.Register<NodeDrainActor>(drain);
                CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "drain-calls", async () =>
                {
                    try
                    {
                        await drain.Ask<NodeDrain.Drained>(NodeDrain.Drain.Instance, settings.Longest + TimeSpan.FromSeconds(1));
                    }
                    catch (AskTimeoutException)
                    {
                        // The drain ends itself at its deadline; should it not answer, shutdown goes on regardless.
                    }

                    return Done.Instance;
                });
            })
            .AddHocon(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"akka.coordinated-shutdown.phases.before-service-unbind.timeout = {(long)PhaseTimeout(settings).TotalMilliseconds}ms"),
                HoconAddMode.Prepend);
    }

    /// <summary>Room for the whole drain plus a margin: a phase that times out stops waiting for its tasks.</summary>
    public static TimeSpan PhaseTimeout(NodeDrainSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Longest + TimeSpan.FromSeconds(5);
    }
}
