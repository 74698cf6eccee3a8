using Akka.Hosting;

namespace CallCenter.Actors.Projections;

/// <summary>Akka.Hosting wiring of the read-side projections.</summary>
public static class ProjectionHostingExtensions
{
    /// <summary>
    /// Starts <see cref="CallRecordProjection"/> (registered in the ActorRegistry under its own type) writing into
    /// <paramref name="store"/>. Needs the read journal of <c>WithCallCenterPersistence</c>.
    /// </summary>
    public static AkkaConfigurationBuilder WithCallRecordProjection(
        this AkkaConfigurationBuilder builder, ICallRecordStore store, CallRecordProjectionSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var props = CallRecordProjection.Props(store, settings); // validates now, not when the system starts
        return builder.WithActors((system, registry) =>
            registry.Register<CallRecordProjection>(system.ActorOf(props, "call-record-projection")));
    }
}
