using Akka.Actor;
using Akka.Hosting;
using CallCenter.Actors.Gateway;
using CallCenter.Actors.Shutdown;
using CallCenter.Node.Config;
using CallCenter.Node.Logging;
using CallCenter.Node.Monitoring;
using CallCenter.Node.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallCenter.Node;

/// <summary>Runs one call-center node until Ctrl+C (or <c>quit</c> on standard input).</summary>
public static class NodeProgram
{
    public const int InvalidConfiguration = 2;
    public const int StartFailed = 3;

    /// <summary>Another running node has this node's id (on the same PostgreSQL schema).</summary>
    public const int DuplicateNodeId = 4;

    /// <summary>The line printed once the node takes calls; scripts and tests wait for it.</summary>
    public const string ReadyLine = "CallCenter node ready";

    /// <summary>Lines of the collect command start with this.</summary>
    public const string MemoryPrefix = "MEMORY ";

    public static async Task<int> RunAsync(string[] args)
    {
        NodeConfiguration configuration;
        SipGatewaySettings gateway;
        var readiness = new NodeReadiness();
        try
        {
            var commandLine = CommandLine.Parse(args);
            if (commandLine.Help)
            {
                Console.WriteLine(CommandLine.Usage);
                return 0;
            }

            var source = commandLine.ConfigFile ?? SampleConfiguration.Source;
            var includeDirectory = commandLine.ConfigFile is { } file ? Path.GetDirectoryName(Path.GetFullPath(file)) : null;
            configuration = commandLine.ApplyTo(NodeConfigurationReader.Parse(ReadConfigFile(commandLine.ConfigFile), source, includeDirectory: includeDirectory));
            DatabaseCheck.Check(configuration, commandLine);
            gateway = CallCenterComposition.GatewaySettings(configuration);
        }
        catch (ConfigurationError e)
        {
            Console.Error.WriteLine($"Invalid configuration: {e.Message}");
            return InvalidConfiguration;
        }

        if (PortCheck.Problem(configuration) is { } busy)
        {
            Console.Error.WriteLine($"Cannot start: {busy}");
            return StartFailed;
        }

        await using var nodeIdLock = await LockNodeIdAsync(configuration);
        if (nodeIdLock is { Held: false })
        {
            return nodeIdLock.ExitCode;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (configuration.JsonLogs)
        {
            // One JSON object a line, the actors' fields (call_id, agent_id, ...) as properties: for a log shipper.
            builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }

        builder.Services.AddSingleton(configuration);
        builder.Services.AddSingleton(readiness);

        // The host gives its services this long to stop; the drain (grace period, then hang-ups) must fit inside it.
        builder.Services.Configure<HostOptions>(o =>
            o.ShutdownTimeout = NodeDrainHostingExtensions.PhaseTimeout(CallCenterComposition.DrainSettings(configuration)) + TimeSpan.FromSeconds(10));

        // Before Akka: hosted services stop in reverse order, so /health keeps answering 503 while calls drain.
        builder.Services.AddSingleton<OperationsEndpoint>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OperationsEndpoint>());
        builder.Services.AddAkka("callcenter", (akka, services) =>
        {
            // Call and agent ids as key=value fields on every actor's log line (call_id=..., agent_id=...).
            akka.AddSetup(new KeyValueLoggerSetup(services.GetRequiredService<ILoggerFactory>(), fieldsInText: !configuration.JsonLogs));
            akka.ConfigureLoggers(loggers =>
            {
                loggers.ClearLoggers();
                loggers.AddLogger<KeyValueLogger>();
            });
            akka.AddCallCenterNode(configuration, gateway);
        });
        builder.Services.AddHostedService<ConsoleCommands>();

        using var host = builder.Build();
        await host.StartAsync();
        var registry = host.Services.GetRequiredService<ActorRegistry>();
        SipGatewayQueries.Listening listening;
        try
        {
            listening = await registry.Get<SipGatewayActor>()
                .Ask<SipGatewayQueries.Listening>(SipGatewayQueries.GetListeners.Instance, TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            Console.Error.WriteLine("Cannot start: the SIP gateway did not come up (see the log above)");
            await host.StopAsync();
            return StartFailed;
        }

        PrintBanner(configuration, listening, host.Services.GetRequiredService<OperationsEndpoint>().Address);
        readiness.Ready();
        await host.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>On PostgreSQL, the node id's lock (<see cref="NodeIdLock"/>); null for a SQLite node, which no other node shares.</summary>
    private static async Task<NodeIdLockResult?> LockNodeIdAsync(NodeConfiguration configuration)
    {
        if (configuration.PostgreSql is not { } postgreSql)
        {
            return null;
        }

        try
        {
            if (await NodeIdLock.TryAcquireAsync(postgreSql, configuration.NodeId) is { } held)
            {
                return new NodeIdLockResult(held, 0);
            }

            Console.Error.WriteLine(
                $"Cannot start: another node is running with {NodeConfigurationReader.Root}.node-id = \"{configuration.NodeId}\" on this database; " +
                "give every node of a cluster its own node-id");
            return new NodeIdLockResult(null, DuplicateNodeId);
        }
        catch (Npgsql.NpgsqlException e)
        {
            Console.Error.WriteLine($"Cannot start: PostgreSQL ({NodeConfigurationReader.Root}.persistence.postgresql) cannot be reached: {e.Message}");
            return new NodeIdLockResult(null, StartFailed);
        }
    }

    private sealed record NodeIdLockResult(NodeIdLock? Lock, int ExitCode) : IAsyncDisposable
    {
        public bool Held => Lock is not null;

        public ValueTask DisposeAsync() => Lock?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private static string ReadConfigFile(string? path)
    {
        if (path is null)
        {
            Console.WriteLine(SampleConfiguration.Notice());
            return SampleConfiguration.Text();
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationError("--config", $"cannot read '{path}': {e.Message}");
        }
    }

    private static void PrintBanner(NodeConfiguration configuration, SipGatewayQueries.Listening listening, Uri? operations)
    {
        var http = operations is null ? "off" : $"{operations}health, {operations}metrics, {operations}status";
        var address = configuration.AdvertisedAddress;
        var port = configuration.SipPort;
        Console.WriteLine($"""

            CallCenter node '{configuration.NodeId}' listening on {string.Join(", ", listening.EndPoints)}
              Softphones (agents): register as sip:<agent>@{configuration.Domain} with registrar/proxy {address}:{port} (UDP or TCP),
                                   user name <agent>, realm {configuration.Domain}, the password from the configuration.
                                   Agents: {string.Join(", ", configuration.Agents.Select(a => a.Id.Value))}
              Customers:           call sip:<queue>@{configuration.Domain} at {address}:{port}.
                                   Queues: {string.Join(", ", configuration.Queues.Select(q => q.Id.Value))}
              Media:               RTP {configuration.RtpFirstPort}-{configuration.RtpLastPort} on {address}
              Database:            {Path.GetFullPath(configuration.Database)}
              Operations:          {http}
              Type 'status' for agents and calls, 'quit' to stop.
            {ReadyLine}
            """);
    }

    /// <summary>Reads commands from standard input: <c>status</c> prints <see cref="NodeStatus"/>, <c>quit</c> stops.</summary>
    private sealed class ConsoleCommands(ActorRegistry registry, NodeConfiguration configuration, IHostApplicationLifetime lifetime)
        : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            // Commands wait for the whole node (the actors answer them); a line typed earlier is read then.
            var started = new TaskCompletionSource();
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                // Console.In reads synchronously whatever the API, ignoring the token: read on the pool and abandon the read
                // on stop, or a stop (SIGTERM) waits out the host's whole shutdown timeout for this loop.
                var line = await Task.Run(Console.In.ReadLine, CancellationToken.None).WaitAsync(stoppingToken);
                if (line is null)
                {
                    return;
                }

                switch (line.Trim().ToLowerInvariant())
                {
                    case "status":
                        try
                        {
                            Console.WriteLine(await NodeStatus.DescribeAsync(registry, configuration, stoppingToken));
                        }
                        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException or InvalidOperationException)
                        {
                            // A status that cannot be had must not end the command loop (nor, as a failed service, the node).
                            Console.WriteLine(NodeStatus.Prefix + "{\"error\":\"the node did not answer\"}");
                        }

                        break;
                    case "collect":
                        // For load runs: the managed heap after a full, compacting collection, i.e. what is still referenced.
                        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                        GC.WaitForPendingFinalizers();
                        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                        Console.WriteLine($"{MemoryPrefix}{{\"managedBytes\":{GC.GetTotalMemory(forceFullCollection: false)}}}");
                        break;
                    case "quit" or "exit":
                        lifetime.StopApplication();
                        return;
                }
            }
        }
    }
}
