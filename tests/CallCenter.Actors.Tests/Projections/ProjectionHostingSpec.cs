using Akka.Actor;
using Akka.Hosting;
using CallCenter.Actors.Persistence;
using CallCenter.Actors.Projections;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using Microsoft.Extensions.DependencyInjection;
using static CallCenter.Actors.Tests.Kit.Scripts;

namespace CallCenter.Actors.Tests.Projections;

/// <summary>WithCallRecordProjection next to WithCallCenterPersistence, as the node will compose them.</summary>
public sealed class ProjectionHostingSpec : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task WithCallRecordProjection_should_register_the_projection_and_fill_call_records_from_the_journal()
    {
        var store = SqliteCallRecordStore.ForSqliteFile(_database.Path);
        var call = new CallId("hosted-1");

        await using var host = await TestHost.StartAsync(builder => builder
            .WithCallCenterPersistence(_database.Settings)
            .WithCallRecordProjection(store, new CallRecordProjectionSettings { BatchWindow = TimeSpan.FromMilliseconds(50) }));
        var system = host.Services.GetRequiredService<ActorSystem>();
        var registry = host.Services.GetRequiredService<ActorRegistry>();
        var entity = system.ActorOf(TestEntities.Call(call));
        foreach (var (command, now) in AbandonedCall(call, 0))
        {
            var executed = await entity.Ask<Entity.Executed>(new Entity.Execute(command, now), TimeSpan.FromSeconds(10));
            Assert.True(executed.Result.IsOk, executed.Result.ToString());
        }

        Assert.True(registry.TryGet<CallRecordProjection>(out var projection));
        Assert.Equal("call-record-projection", projection.Path.Name);
        await AwaitRecord(store, call);
    }

    [Fact]
    public void WithCallRecordProjection_should_refuse_broken_settings_while_configuring()
    {
        var builder = new AkkaConfigurationBuilder(new ServiceCollection(), "broken");
        var store = SqliteCallRecordStore.ForSqliteFile(_database.Path);

        var error = Assert.Throws<ArgumentException>(() =>
            builder.WithCallRecordProjection(store, new CallRecordProjectionSettings { BatchSize = 0 }));

        Assert.Contains("the batch size must be at least 1", error.Message);
    }

    public void Dispose() => _database.Dispose();

    // A bounded poll of the table: the test has no TestKit here to lend AwaitAssert.
    private static async Task AwaitRecord(SqliteCallRecordStore store, CallId call)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (await store.FindAsync(call, deadline.Token) is not { Disposition: CallDisposition.Abandoned })
        {
            await tick.WaitForNextTickAsync(deadline.Token);
        }
    }
}
