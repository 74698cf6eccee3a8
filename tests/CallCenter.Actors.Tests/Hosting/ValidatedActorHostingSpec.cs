using Akka.Actor;
using Akka.Hosting;
using CallCenter.Actors.Hosting;
using CallCenter.Actors.Shutdown;
using CallCenter.Actors.Tests.Kit;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Actors.Tests.Hosting;

/// <summary>The frame shared by WithSipGateway and WithNodeDrain: settings checked while configuring, the actor started with the system.</summary>
public sealed class ValidatedActorHostingSpec
{
    [Fact]
    public async Task WithValidatedActor_should_start_the_actor_with_the_system_when_the_settings_are_usable()
    {
        await using var host = await TestHost.StartAsync(builder => builder.WithValidatedActor(
            new Settings(Problem: null), "echo", (system, registry) => registry.Register<Settings>(system.ActorOf(Props.Empty, "echo"))));

        var registry = host.Services.GetRequiredService<ActorRegistry>();
        Assert.True(registry.TryGet<Settings>(out var echo));
        Assert.Equal("echo", echo.Path.Name);
    }

    [Fact]
    public void WithValidatedActor_should_refuse_broken_settings_while_configuring_and_start_nothing()
    {
        var builder = new AkkaConfigurationBuilder(new ServiceCollection(), "broken");
        var started = false;

        var error = Assert.Throws<ArgumentException>(() =>
            builder.WithValidatedActor(new Settings("the echo is deaf"), "echo", (_, _) => started = true));

        Assert.Equal("settings", error.ParamName);
        Assert.StartsWith("invalid echo settings: the echo is deaf", error.Message, StringComparison.Ordinal);
        Assert.False(started);
    }

    [Fact]
    public void WithNodeDrain_should_refuse_a_negative_grace_period_while_configuring()
    {
        var builder = new AkkaConfigurationBuilder(new ServiceCollection(), "broken");

        var error = Assert.Throws<ArgumentException>(() =>
            builder.WithNodeDrain(new NodeDrainSettings { GracePeriod = TimeSpan.FromSeconds(-1) }));

        Assert.StartsWith("invalid shutdown settings: the grace period must not be negative", error.Message, StringComparison.Ordinal);
    }

    private sealed record Settings(string? Problem) : IValidatedSettings
    {
        public string? Validate() => Problem;
    }
}
