using Akka.Actor;
using Akka.Configuration;
using CallCenter.Actors.Persistence;
using CallCenter.Actors.Tests.Kit;
using Xunit.Abstractions;

namespace CallCenter.Actors.Tests.Persistence;

/// <summary>The HOCON in hocon/ as an ActorSystem sees it, and the errors a broken setting gives.</summary>
public sealed class PersistenceConfigSpec : SqliteSpec
{
    private const string Journal = CallCenterPersistenceConfig.JournalPath;
    private const string Snapshots = CallCenterPersistenceConfig.SnapshotStorePath;
    private const string Query = CallCenterPersistenceConfig.ReadJournalPath;

    public PersistenceConfigSpec(ITestOutputHelper output)
        : base(new TempDatabase(), output)
    {
    }

    [Fact]
    public void Sqlite_config_should_select_the_sql_plugins_on_the_test_file()
    {
        var config = Sys.Settings.Config;

        Assert.Equal(Journal, config.GetString("akka.persistence.journal.plugin"));
        Assert.Equal(Snapshots, config.GetString("akka.persistence.snapshot-store.plugin"));
        foreach (var plugin in new[] { Journal, Snapshots, Query })
        {
            Assert.True(config.HasPath($"{plugin}.class"), $"{plugin}.class");
            Assert.Equal("SQLite.MS", config.GetString($"{plugin}.provider-name"));
            Assert.Equal(Database.Settings.ConnectionString(), config.GetString($"{plugin}.connection-string"));
        }

        Assert.Contains(Database.Path, config.GetString($"{Journal}.connection-string"));
        Assert.True(config.GetBoolean($"{Journal}.auto-initialize"));
        Assert.True(config.GetBoolean($"{Snapshots}.auto-initialize"));
        Assert.Equal(Journal, config.GetString($"{Query}.write-plugin"));
        Assert.Equal(TimeSpan.FromMilliseconds(100), config.GetTimeSpan($"{Query}.refresh-interval"));
    }

    [Fact]
    public void Sqlite_config_should_tag_through_the_event_adapter_and_bind_the_serializer()
    {
        var config = Sys.Settings.Config;

        // Csv: batched multi-row inserts (see persistence.sqlite.hocon); reads must use the same mode or see no tags.
        Assert.Equal("Csv", config.GetString($"{Journal}.tag-write-mode"));
        Assert.Equal("Csv", config.GetString($"{Query}.tag-read-mode"));
        Assert.True(config.HasPath($"{Journal}.event-adapters.call-center-tagger"));
        Assert.Equal(3, config.GetConfig($"{Journal}.event-adapter-bindings").AsEnumerable().Count());
        Assert.True(config.HasPath("akka.actor.serializers.callcenter"));
        Assert.True(config.HasPath("akka.actor.serialization-bindings"));
        Assert.DoesNotContain(
            config.GetConfig("akka.actor.serialization-bindings").AsEnumerable(),
            binding => binding.Key.Contains("System.Object", StringComparison.Ordinal) && binding.Value.GetString() == "callcenter");

        // the plugin's own reference config is the fallback (without it: 'Plugin class name must be defined')
        Assert.True(config.HasPath($"{Journal}.batch-size"));
        Assert.True(config.HasPath($"{Query}.journal-sequence-retrieval.batch-size"));
    }

    [Fact]
    public async Task PostgreSql_config_should_load_with_the_same_plugins_and_adapters_and_another_provider()
    {
        var settings = PersistenceSettings.PostgreSql("Host=db.cluster.test;Database=callcenter;Username=cc;Password=secret");

        // Journals start lazily: a system with this config starts without reaching the (absent) server.
        var system = ActorSystem.Create("postgres-config", CallCenterPersistenceConfig.Complete(settings));
        try
        {
            var config = system.Settings.Config;
            foreach (var plugin in new[] { Journal, Snapshots, Query })
            {
                Assert.Equal("PostgreSQL", config.GetString($"{plugin}.provider-name"));
                Assert.Equal(settings.PostgreSqlConnectionString, config.GetString($"{plugin}.connection-string"));
            }

            Assert.Equal(Journal, config.GetString("akka.persistence.journal.plugin"));
            Assert.Equal(Section(Sys.Settings.Config, $"{Journal}.event-adapters"), Section(config, $"{Journal}.event-adapters"));
            Assert.Equal(Section(Sys.Settings.Config, $"{Journal}.event-adapter-bindings"), Section(config, $"{Journal}.event-adapter-bindings"));
            Assert.Equal("TagTable", config.GetString($"{Journal}.tag-write-mode"));
            Assert.True(config.HasPath("akka.actor.serializers.callcenter"));
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public void Connection_string_should_reach_the_plugins_unchanged_whatever_it_contains()
    {
        const string tricky = """Host=db.test;Database=cc;Username=u;Password='p"a\ss;${x}#//'""";

        var config = CallCenterPersistenceConfig.For(PersistenceSettings.PostgreSql(tricky));

        Assert.Equal(tricky, config.GetString($"{Journal}.connection-string"));
        Assert.Equal(tricky, config.GetString($"{Query}.connection-string"));
    }

    [Theory]
    [InlineData("", "the SQLite database path is empty")]
    [InlineData("   ", "the SQLite database path is empty")]
    public void Sqlite_settings_should_fail_clearly_without_a_path(string path, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => CallCenterPersistenceConfig.Prepare(PersistenceSettings.Sqlite(path)));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Sqlite_settings_should_fail_clearly_when_the_file_cannot_be_created()
    {
        // A path under an existing regular file: no directory can be created there.
        var path = Path.Combine(Database.Path, "nested", "callcenter.db");

        var error = Assert.Throws<InvalidOperationException>(() => CallCenterPersistenceConfig.Prepare(PersistenceSettings.Sqlite(path)));

        Assert.Contains("cannot open the SQLite database", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Theory]
    [InlineData("", "the PostgreSQL connection string is empty")]
    [InlineData("Host=db;Database", "the PostgreSQL connection string is malformed")]
    [InlineData("Database=callcenter;Username=cc", "names no Host")]
    public void PostgreSql_settings_should_fail_clearly_on_a_broken_connection_string(string connectionString, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => CallCenterPersistenceConfig.For(PersistenceSettings.PostgreSql(connectionString)));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Settings_should_refuse_a_non_positive_refresh_interval_and_an_unknown_provider()
    {
        var zero = Database.Settings with { QueryRefreshInterval = TimeSpan.Zero };
        var unknown = Database.Settings with { Provider = (PersistenceProvider)42 };

        Assert.Contains("refresh interval", Assert.Throws<ArgumentException>(() => CallCenterPersistenceConfig.For(zero)).Message);
        Assert.Contains("unknown persistence provider", Assert.Throws<ArgumentException>(() => CallCenterPersistenceConfig.For(unknown)).Message);
    }

    [Fact]
    public void Prepare_should_switch_the_sqlite_file_to_write_ahead_logging()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(Database.Settings.ConnectionString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    private static string Section(Config config, string path) =>
        string.Join(";", config.GetConfig(path).AsEnumerable().Select(e => $"{e.Key}={e.Value.GetString()}").Order(StringComparer.Ordinal));
}
