using Akka.Hosting;
using CallCenter.Actors.Persistence;

namespace CallCenter.Actors.Serialization;

/// <summary>Akka.Hosting wiring of <see cref="CallCenterSerializer"/>.</summary>
public static class SerializationHostingExtensions
{
    /// <summary>Binds <see cref="CallCenterSerializer"/> to the call-center messages and snapshot states (<c>hocon/serialization.hocon</c>).</summary>
    public static AkkaConfigurationBuilder WithCallCenterSerialization(this AkkaConfigurationBuilder builder) =>
        builder.AddHocon(EmbeddedHocon.Load(EmbeddedHocon.Serialization), HoconAddMode.Prepend);
}
