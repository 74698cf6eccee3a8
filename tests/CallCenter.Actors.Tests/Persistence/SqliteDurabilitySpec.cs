using Akka.Actor;
using Akka.Persistence.Sql.Config;
using CallCenter.Actors.Persistence;
using CallCenter.Actors.Tests.Kit;
using LinqToDB;
using LinqToDB.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Actors.Tests.Persistence;

/// <summary>The SQLite durability choice reaches every connection the persistence plugins open.</summary>
public sealed class SqliteDurabilitySpec : IDisposable
{
    private readonly TempDatabase _database = new();

    [Theory]
    [InlineData(SqliteDurability.ProcessCrash, 1)] // NORMAL
    [InlineData(SqliteDurability.PowerLoss, 2)] // FULL
    public void Plugin_connections_should_open_with_the_chosen_synchronous_level(SqliteDurability durability, long expected)
    {
        var setup = SqliteDurabilitySetup.For(_database.Settings.ConnectionString(), durability);

        foreach (var plugin in new[] { CallCenterPersistenceConfig.JournalPath, CallCenterPersistenceConfig.SnapshotStorePath, CallCenterPersistenceConfig.ReadJournalPath })
        {
            Assert.True(setup.TryGetDataOptionsFor(plugin, out var options), plugin);
            using var connection = new DataConnection(options!);
            Assert.Equal(expected, connection.Execute<long>("PRAGMA synchronous;"));
        }
    }

    [Fact]
    public async Task Every_connection_to_the_file_should_let_SQLite_wait_for_a_busy_lock_itself()
    {
        var connectionString = _database.Settings.ConnectionString();
        var expected = _database.Settings.SqliteBusyTimeout.TotalMilliseconds;
        var setup = SqliteDurabilitySetup.For(connectionString, SqliteDurability.ProcessCrash);
        foreach (var plugin in new[] { CallCenterPersistenceConfig.JournalPath, CallCenterPersistenceConfig.SnapshotStorePath, CallCenterPersistenceConfig.ReadJournalPath })
        {
            Assert.True(setup.TryGetDataOptionsFor(plugin, out var options), plugin);
            using var connection = new DataConnection(options!);
            Assert.Equal(expected, connection.Execute<long>("PRAGMA busy_timeout;"));
        }

        // The call-record projection writes into the same file.
        await using var projection = await SqliteConnections.OpenAsync(connectionString, CancellationToken.None);
        await using var command = projection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(expected, Convert.ToDouble(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WithCallCenterPersistence_should_name_each_plugin_so_its_connection_options_apply()
    {
        await using var host = await TestHost.StartAsync(builder => builder.WithCallCenterPersistence(_database.Settings));
        var system = host.Services.GetRequiredService<ActorSystem>();

        Assert.True(system.Settings.Setup.Get<MultiDataOptionsSetup>().HasValue);
        Assert.Equal(CallCenterPersistenceConfig.JournalPath, system.Settings.Config.GetString($"{CallCenterPersistenceConfig.JournalPath}.plugin-id"));
        Assert.Equal(CallCenterPersistenceConfig.ReadJournalPath, system.Settings.Config.GetString($"{CallCenterPersistenceConfig.ReadJournalPath}.plugin-id"));
    }

    [Fact]
    public void Settings_should_refuse_an_unknown_durability() =>
        Assert.Contains("durability", _database.Settings with { SqliteDurability = (SqliteDurability)42 } is var s ? s.Validate() : null);

    public void Dispose() => _database.Dispose();
}
