using Akka.Hosting;
using Akka.Persistence.Sql;
using CallCenter.Actors.Serialization;

namespace CallCenter.Actors.Persistence;

/// <summary>Akka.Hosting wiring of the call-center journal, snapshot store, read journal and serializer.</summary>
public static class PersistenceHostingExtensions
{
    /// <summary>
    /// Loads <c>hocon/persistence.*.hocon</c> and <c>hocon/serialization.hocon</c> (embedded) with the connection string of
    /// <paramref name="settings"/>, and adds Akka.Persistence.Sql's reference config as a fallback.
    /// </summary>
    /// <exception cref="ArgumentException">The settings are invalid (thrown here, before the ActorSystem starts).</exception>
    /// <exception cref="InvalidOperationException">The SQLite file cannot be created or opened.</exception>
    public static AkkaConfigurationBuilder WithCallCenterPersistence(this AkkaConfigurationBuilder builder, PersistenceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        CallCenterPersistenceConfig.Prepare(settings);
        if (settings.Provider == PersistenceProvider.Sqlite)
        {
            builder = builder
                .AddHocon(SqliteDurabilitySetup.PluginIdHocon, HoconAddMode.Prepend)
                .AddSetup(SqliteDurabilitySetup.For(settings.ConnectionString(), settings.SqliteDurability))
                .WithActors((system, _) => system.ActorOf(
                    SqliteCheckpointActor.Props(settings.ConnectionString(), settings.SqliteCheckpointInterval), "sqlite-checkpoint"));
        }

        return builder
            .WithCallCenterSerialization()
            .AddHocon(CallCenterPersistenceConfig.For(settings), HoconAddMode.Prepend)
            .AddHocon(SqlPersistence.DefaultConfiguration, HoconAddMode.Append);
    }
}
