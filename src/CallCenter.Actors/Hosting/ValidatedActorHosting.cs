using Akka.Actor;
using Akka.Hosting;

namespace CallCenter.Actors.Hosting;

/// <summary>The frame of the hosting extensions that start one node-level actor from its settings.</summary>
internal static class ValidatedActorHosting
{
    /// <summary>
    /// Checks <paramref name="settings"/> now, while the builder is configured, then has <paramref name="start"/> start
    /// the actor with the ActorSystem. Invalid settings throw here: inside <paramref name="start"/> they would only show
    /// as a failed start.
    /// </summary>
    /// <param name="builder">The builder to add the actor to.</param>
    /// <param name="settings">The actor's settings.</param>
    /// <param name="what">What the settings configure, for the message ("invalid {what} settings: ...").</param>
    /// <param name="start">Starts the actor and registers it.</param>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public static AkkaConfigurationBuilder WithValidatedActor(
        this AkkaConfigurationBuilder builder, IValidatedSettings settings, string what, Action<ActorSystem, IActorRegistry> start)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ThrowIfInvalid(settings, what);
        return builder.WithActors(start);
    }

    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public static void ThrowIfInvalid(IValidatedSettings settings, string what)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Validate() is { } problem)
        {
            throw new ArgumentException($"invalid {what} settings: {problem}", nameof(settings));
        }
    }
}
