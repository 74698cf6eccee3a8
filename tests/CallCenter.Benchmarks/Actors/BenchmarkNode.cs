using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence.Hosting;
using CallCenter.Actors.Agents;
using CallCenter.Actors.Calls;
using CallCenter.Actors.Hosting;
using CallCenter.Actors.Persistence;
using CallCenter.Actors.Queues;
using CallCenter.Actors.Serialization;
using CallCenter.Actors.Signalling;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Calls;
using CallCenter.Domain.Queues;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallCenter.Benchmarks.Actors;

/// <summary>
/// One call-center node composed with the production hosting extensions (local agents and queues, the calls actor) on a
/// fresh SQLite file or the in-memory journal, with <see cref="BenchSignallingPort"/> as its signalling port.
/// </summary>
internal sealed class BenchmarkNode : IAsyncDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;
    private readonly IReadOnlyList<IHostedService> _hosted;
    private readonly string? _databasePath;

    private BenchmarkNode(ServiceProvider services, IReadOnlyList<IHostedService> hosted, string? databasePath)
    {
        _services = services;
        _hosted = hosted;
        _databasePath = databasePath;
        System = services.GetRequiredService<ActorSystem>();
        var registry = services.GetRequiredService<ActorRegistry>();
        Agents = registry.Get<AgentActor>();
        Queues = registry.Get<QueueActor>();
        Calls = registry.Get<CallActor>();
        Port = registry.Get<SignallingPort>();
    }

    public ActorSystem System { get; }

    public IActorRef Agents { get; }

    public IActorRef Queues { get; }

    public IActorRef Calls { get; }

    public IActorRef Port { get; }

    public static QueueId QueueAt(int index) => new($"queue-{index}");

    public static AgentId AgentAt(int queue, int index) => new($"agent-{queue}-{index}");

    public static async Task<BenchmarkNode> StartAsync(ActorBenchmarkOptions options, JournalKind journal, CallBook book)
    {
        var databasePath = journal == JournalKind.Sqlite
            ? Path.Combine(Path.GetTempPath(), "callcenter-bench", $"{Guid.NewGuid():N}.db")
            : null;
        var queues = Enumerable.Range(0, options.Queues)
            .Select(q => new QueueDefinition(QueueAt(q), QueueSettings.Default with { MaxSize = 1_000_000 }))
            .ToArray();
        var agents = Enumerable.Range(0, options.Queues)
            .SelectMany(q => Enumerable.Range(0, options.AgentsPerQueue)
                .Select(a => new AgentDefinition(AgentAt(q, a), AgentSettings.Default, [QueueAt(q)])))
            .ToArray();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostApplicationLifetime, NoLifetime>();
        services.AddAkka("bench", builder =>
        {
            builder.AddHocon($"akka.loglevel = {options.LogLevel}", HoconAddMode.Prepend);
            builder = databasePath is null
                ? builder.WithCallCenterSerialization().WithInMemoryJournal().WithInMemorySnapshotStore()
                    .AddHocon($"akka.persistence.journal.inmem.class = \"{typeof(NewEntitiesMemoryJournal).AssemblyQualifiedName}\"", HoconAddMode.Prepend)
                : builder.WithCallCenterPersistence(PersistenceSettings.Sqlite(databasePath));
            builder
                .AddAgentActors(new AgentActorsSettings { Agents = [.. agents] })
                .AddQueueActors(new QueueActorsSettings { Queues = [.. queues] })
                .WithActors((system, registry) =>
                {
                    registry.Register<SignallingPort>(system.ActorOf(BenchSignallingPort.Props(book), "signalling"));
                    system.EventStream.Subscribe(new ArrivalRecorder(system, book), typeof(CallEvents.CallArrived));
                })
                .AddCallActors(new CallActorsSettings("bench"));
            if (options.ExtraHocon.Length > 0)
            {
                builder.AddHocon(options.ExtraHocon, HoconAddMode.Prepend);
            }
        });
        var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var node = new BenchmarkNode(provider, hosted, databasePath);
        await node.LogInAgents(agents.Select(a => a.AgentId), queues.Length, options.AgentsPerQueue);
        return node;
    }

    public void Call(CallId call, QueueId queue) =>
        Calls.Tell(new CallCommands.Receive(call, "sip:customer@customers.test", queue), ActorRefs.NoSender);

    /// <summary>Rows in the journal so far (events: the SQLite journal stores one per row).</summary>
    public async Task<long> JournalRows()
    {
        if (_databasePath is null)
        {
            return NewEntitiesMemoryJournal.Rows;
        }

        await using var connection = new SqliteConnection($"Data Source={_databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM journal";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Rows in the journal so far by event type (SQLite: by manifest).</summary>
    public async Task<IReadOnlyDictionary<string, long>> JournalRowsByType()
    {
        if (_databasePath is null)
        {
            return NewEntitiesMemoryJournal.RowsByType;
        }

        await using var connection = new SqliteConnection($"Data Source={_databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT manifest, COUNT(*) FROM journal GROUP BY manifest";
        await using var reader = await count.ExecuteReaderAsync();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = reader.GetInt64(1);
        }

        return rows;
    }

    public async Task<int> NotCompleted() => await Port.Ask<int>(BenchSignallingPort.GetNotCompleted.Instance, AskTimeout);

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _hosted.Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        if (_databasePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(_databasePath)!, $"{Path.GetFileName(_databasePath)}*"))
            {
                File.Delete(file);
            }
        }
    }

    // Registers every phone, then waits until each router counts its agents (the queue records what its router knows).
    private async Task LogInAgents(IEnumerable<AgentId> agents, int queueCount, int agentsPerQueue)
    {
        foreach (var agent in agents)
        {
            var result = await Agents.Ask<CommandResult>(new AgentCommands.Register(agent, $"sip:{agent.Value}@10.0.0.9", TimeSpan.FromHours(4)), AskTimeout);
            if (result.IsRejected)
            {
                throw new InvalidOperationException($"registering {agent} was rejected: {result.Reason}");
            }
        }

        using var deadline = new CancellationTokenSource(AskTimeout);
        for (var q = 0; q < queueCount; q++)
        {
            while ((await Queues.Ask<QueueQueries.QueueStateResult>(new QueueQueries.GetQueueState(QueueAt(q)), AskTimeout)).State.LoggedInAgents < agentsPerQueue)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
            }
        }
    }

    private sealed class NoLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
