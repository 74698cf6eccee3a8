using System.Collections.Immutable;
using System.Net;
using Akka.Hosting;
using CallCenter.Actors.Gateway;
using CallCenter.Actors.Gateway.Registrar;
using CallCenter.Actors.Hosting;
using CallCenter.Actors.Persistence;
using CallCenter.Actors.Projections;
using CallCenter.Actors.Shutdown;
using CallCenter.Media.Audio;
using CallCenter.Media.Relay;
using CallCenter.Media.Wav;
using CallCenter.Node.Monitoring;
using CallCenter.Sip.Auth;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Node.Config;

/// <summary>The node's Akka.Hosting composition: persistence, agents, queues, the SIP gateway, calls, projection, monitor.</summary>
public static class CallCenterComposition
{
    /// <summary>Wires the whole node from its configuration (local entity placement: one process). The gateway's settings come
    /// from <see cref="GatewaySettings"/>, built before the host so that their errors come first.</summary>
    public static AkkaConfigurationBuilder AddCallCenterNode(
        this AkkaConfigurationBuilder builder, NodeConfiguration configuration, SipGatewaySettings gateway)
    {
        var agents = configuration.Agents.Select(a => new AgentDefinition(a.Id, a.Settings, a.Queues)).ToImmutableArray();
        var queues = configuration.Queues.Select(q => new QueueDefinition(q.Id, q.Settings)).ToImmutableArray();
        var placement = ClusterComposition.Placement(configuration.Cluster);
        var persistence = configuration.PostgreSql is { } postgreSql
            ? PersistenceSettings.PostgreSql(postgreSql)
            : PersistenceSettings.Sqlite(configuration.Database);
        return builder
            .WithCallCenterCluster(configuration.Cluster)
            .WithCallCenterPersistence(persistence)
            .AddAgentActors(new AgentActorsSettings { Agents = agents, Placement = placement })
            .AddQueueActors(new QueueActorsSettings { Queues = queues, Placement = placement })
            .WithSipGateway(gateway)
            .AddCallActors(new CallActorsSettings(configuration.NodeId))
            .WithNodeDrain(DrainSettings(configuration))
            .WithCallRecordProjection(CallRecordStore(configuration))
            .WithActors((system, registry) => registry.Register<NodeMonitorActor>(system.ActorOf(NodeMonitorActor.Props(), "monitor")));
    }

    /// <summary>The call records go where the journal is: on PostgreSQL one table for the whole cluster (every node's
    /// projection may write it, <see cref="PostgreSqlCallRecordStore"/>), else the node's SQLite file.</summary>
    public static ICallRecordStore CallRecordStore(NodeConfiguration configuration) =>
        configuration.PostgreSql is { } postgreSql
            ? new PostgreSqlCallRecordStore(postgreSql)
            : SqliteCallRecordStore.ForSqliteFile(configuration.Database);

    /// <summary>How the node drains on SIGTERM / Ctrl+C (<c>callcenter.shutdown</c>).</summary>
    public static NodeDrainSettings DrainSettings(NodeConfiguration configuration) => new()
    {
        GracePeriod = configuration.ShutdownGracePeriod,
        RetryAfter = configuration.ShutdownRetryAfter,
    };

    /// <summary>The gateway's settings: transport, registrar accounts, media relay and hold audio.</summary>
    /// <exception cref="ConfigurationError">A file the configuration names (hold audio) cannot be used.</exception>
    public static SipGatewaySettings GatewaySettings(NodeConfiguration configuration)
    {
        var bindMedia = configuration.SipBind.Equals(IPAddress.IPv6Any) ? IPAddress.Any : configuration.SipBind;
        return new SipGatewaySettings
        {
            Transport = SipTransportOptions.ForAddresses(configuration.SipPort, configuration.SipBind),
            Domain = configuration.Domain,
            AdvertisedAddress = configuration.AdvertisedAddress,
            Queues = [.. configuration.Queues.Select(q => q.Id)],
            AnswerDelays = configuration.Queues.Where(q => q.AnswerDelay > TimeSpan.Zero).ToImmutableDictionary(q => q.Id, q => q.AnswerDelay),
            MaxPendingCalls = configuration.MaxPendingCalls,
            ProbeInterval = configuration.ProbeInterval,
            Timers = new SipTimers(configuration.T1, TimeSpan.FromSeconds(4) > configuration.T1 ? TimeSpan.FromSeconds(4) : configuration.T1, TimeSpan.FromSeconds(5)),
            Registrar = new RegistrarSettings
            {
                Credentials = Credentials(configuration),
                Agents = [.. configuration.Agents.Select(a => a.Id)],
                Algorithms = configuration.Algorithms,
                MinExpires = configuration.MinExpires,
                MaxExpires = configuration.MaxExpires,
                DefaultExpires = configuration.DefaultExpires,
                MaxBindings = configuration.MaxContacts,
            },
            Media = new MediaRelayFactory(
                new PortAllocator(configuration.RtpFirstPort, configuration.RtpLastPort),
                new MediaRelayOptions { BindAddress = bindMedia, MediaTimeout = configuration.MediaTimeout },
                TimeProvider.System),
            HoldAudio = HoldAudio(configuration.HoldAudio),
        };
    }

    /// <summary>HA1 per agent for both algorithms; a clear password is hashed here and dropped.</summary>
    private static InMemoryDigestCredentialStore Credentials(NodeConfiguration configuration)
    {
        var realm = configuration.Domain;
        var entries = new List<KeyValuePair<(string, string, DigestAlgorithm), string>>();
        foreach (var agent in configuration.Agents)
        {
            var user = agent.Id.Value;
            var md5 = agent.Ha1Md5 ?? (agent.Password is { } p1 ? DigestHash.ComputeHa1(DigestAlgorithm.Md5, user, realm, p1) : null);
            var sha256 = agent.Ha1Sha256 ?? (agent.Password is { } p2 ? DigestHash.ComputeHa1(DigestAlgorithm.Sha256, user, realm, p2) : null);
            if (md5 is not null)
            {
                entries.Add(new((user, realm, DigestAlgorithm.Md5), md5));
            }

            if (sha256 is not null)
            {
                entries.Add(new((user, realm, DigestAlgorithm.Sha256), sha256));
            }
        }

        return new InMemoryDigestCredentialStore(entries);
    }

    private static Func<IAudioSource> HoldAudio(string? wavPath)
    {
        if (wavPath is null)
        {
            return Tones.CreateHoldMusic;
        }

        WavReadResult read;
        try
        {
            read = WavReader.ReadFile(wavPath);
        }
        catch (IOException e)
        {
            throw new ConfigurationError($"{NodeConfigurationReader.Root}.media.hold-audio", $"cannot read '{wavPath}': {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ConfigurationError($"{NodeConfigurationReader.Root}.media.hold-audio", $"cannot read '{wavPath}': {e.Message}");
        }

        if (!read.Succeeded)
        {
            throw new ConfigurationError($"{NodeConfigurationReader.Root}.media.hold-audio", $"'{wavPath}' is not usable: {read.Detail}");
        }

        try
        {
            // FromWav refuses what cannot loop on a G.711 leg; the clip is decoded (and encoded per law) once for
            // every caller.
            return AudioClip.FromWav(read.Audio).CreateSource;
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationError($"{NodeConfigurationReader.Root}.media.hold-audio", e.Message);
        }
    }
}
