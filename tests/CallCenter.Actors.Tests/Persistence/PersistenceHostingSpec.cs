using Akka.Actor;
using Akka.Hosting;
using CallCenter.Actors.Persistence;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using Microsoft.Extensions.DependencyInjection;
using static CallCenter.Actors.Tests.Kit.Scripts;

namespace CallCenter.Actors.Tests.Persistence;

/// <summary>
/// WithCallCenterPersistence in a real Akka.Hosting container (plain ServiceCollection, no Hosting.TestKit: its xunit.v3
/// clashes with this project's xunit 2).
/// </summary>
public sealed class PersistenceHostingSpec : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task WithCallCenterPersistence_should_start_a_system_that_persists_and_recovers_from_the_sqlite_file()
    {
        var call = new CallId("hosted-1");
        var settings = _database.Settings;

        await using (var host = await TestHost.StartAsync(builder => builder.WithCallCenterPersistence(settings)))
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            var entity = system.ActorOf(TestEntities.Call(call));
            foreach (var (command, now) in AbandonedCall(call, 0))
            {
                var executed = await entity.Ask<Entity.Executed>(new Entity.Execute(command, now), TimeSpan.FromSeconds(10));
                Assert.True(executed.Result.IsOk, executed.Result.ToString());
            }

            Assert.True(system.Settings.Config.HasPath("akka.persistence.journal.sql.batch-size"));
        }

        await using (var host = await TestHost.StartAsync(builder => builder.WithCallCenterPersistence(settings)))
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            var view = await system.ActorOf(TestEntities.Call(call)).Ask<Entity.View>(Entity.GetView.Instance, TimeSpan.FromSeconds(10));

            Assert.Equal(3, view.LastSequenceNr);
            Assert.Equal(CallDisposition.Abandoned, ((Domain.Calls.CallState)view.State).Disposition);
        }
    }

    [Fact]
    public void WithCallCenterPersistence_should_fail_while_configuring_when_the_settings_are_broken()
    {
        var builder = new AkkaConfigurationBuilder(new ServiceCollection(), "broken");

        var error = Assert.Throws<ArgumentException>(() =>
            builder.WithCallCenterPersistence(PersistenceSettings.PostgreSql("Database=callcenter")));

        Assert.Contains("invalid persistence settings: the PostgreSQL connection string names no Host", error.Message);
    }

    public void Dispose() => _database.Dispose();
}
