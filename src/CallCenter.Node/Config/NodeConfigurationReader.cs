using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using Akka.Configuration;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Domain.Queues;
using CallCenter.Sip.Auth;

namespace CallCenter.Node.Config;

/// <summary>Reads <c>callcenter { ... }</c> into a <see cref="NodeConfiguration"/>; the first bad value fails with its key.</summary>
public static class NodeConfigurationReader
{
    public const string Root = "callcenter";

    private const string DefaultsResource = "CallCenter.Node.callcenter.defaults.hocon";

    /// <summary>The built-in defaults (<c>hocon/callcenter.defaults.hocon</c>, embedded).</summary>
    public static Akka.Configuration.Config Defaults()
    {
        using var stream = typeof(NodeConfigurationReader).Assembly.GetManifestResourceStream(DefaultsResource)
            ?? throw new InvalidOperationException($"{DefaultsResource} is not embedded");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }

    /// <summary>Parses a configuration text on top of the defaults; secrets may come from <paramref name="environment"/>
    /// (the process environment when null).</summary>
    /// <remarks><c>include "file"</c> looks in <paramref name="includeDirectory"/>: the folder of the configuration
    /// file (the working directory when null).</remarks>
    /// <exception cref="ConfigurationError">The text is not HOCON, names a key the node does not know, or a value is unusable.</exception>
    public static NodeConfiguration Parse(
        string? hocon, string source = "configuration", Func<string, string?>? environment = null, string? includeDirectory = null)
    {
        var defaults = Defaults();
        Akka.Configuration.Config config;
        try
        {
            var includes = HoconIncludes.From(includeDirectory ?? Directory.GetCurrentDirectory(), source);
            var user = string.IsNullOrWhiteSpace(hocon) ? null : ConfigurationFactory.ParseString(hocon, includes);
            if (user is not null)
            {
                UnknownKeys.Reject(user, defaults);
            }

            config = user is null ? defaults : user.WithFallback(defaults);
        }
        catch (Exception e) when (e is not ConfigurationError)
        {
            // Akka's parser throws what it likes (NullReferenceException included) on odd text; all of it means "not HOCON".
            throw new ConfigurationError(source, $"not valid HOCON: {e.Message.Split('\n')[0].Trim()}");
        }

        return Read(new HoconReader(config), environment ?? Environment.GetEnvironmentVariable);
    }

    // The node id names the calls journal (calls-{id}) and the cluster role that keeps it unique: plain names only.
    private static string NodeIdOf(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : throw new ConfigurationError($"{Root}.node-id", $"'{value}' must be 1-64 letters, digits, '-', '_' or '.'");

    private static NodeConfiguration Read(HoconReader hocon, Func<string, string?> environment)
    {
        var domain = hocon.String($"{Root}.domain");
        if (domain.Any(char.IsWhiteSpace) || domain.Contains('@', StringComparison.Ordinal))
        {
            throw new ConfigurationError($"{Root}.domain", $"'{domain}' is not a host name or address");
        }

        var (first, last) = RtpPorts.Parse($"{Root}.media.rtp-ports", hocon.String($"{Root}.media.rtp-ports"));
        var queues = QueueConfigReader.Read(hocon);
        var configuration = new NodeConfiguration
        {
            Domain = domain,
            NodeId = NodeIdOf(hocon.String($"{Root}.node-id")),
            Database = hocon.String($"{Root}.database"),
            PostgreSql = ReadPostgreSql(hocon, environment),
            Cluster = ReadCluster(hocon),
            SipBind = Address($"{Root}.sip.bind", hocon.String($"{Root}.sip.bind")),
            SipPort = hocon.Int($"{Root}.sip.port", 1, 65535),
            Advertise = hocon.OptionalString($"{Root}.sip.advertise") is { } advertise ? Address($"{Root}.sip.advertise", advertise) : null,
            T1 = Positive(hocon, $"{Root}.sip.t1"),
            MaxPendingCalls = hocon.OptionalInt($"{Root}.sip.max-pending-calls", 1, 100_000),
            ProbeInterval = ProbeInterval(hocon, $"{Root}.sip.probe-interval"),
            RtpFirstPort = first,
            RtpLastPort = last,
            MediaTimeout = hocon.OptionalDuration($"{Root}.media.timeout"),
            HoldAudio = hocon.OptionalString($"{Root}.media.hold-audio"),
            MinExpires = Positive(hocon, $"{Root}.registrar.min-expires"),
            MaxExpires = Positive(hocon, $"{Root}.registrar.max-expires"),
            DefaultExpires = Positive(hocon, $"{Root}.registrar.default-expires"),
            MaxContacts = hocon.Int($"{Root}.registrar.max-contacts", 1, 100),
            Algorithms = ReadAlgorithms(hocon),
            Queues = queues,
            Agents = AgentConfigReader.Read(hocon, queues, environment),
            Http = ReadHttp(hocon),
            JsonLogs = hocon.String($"{Root}.logging.format") switch
            {
                "text" => false,
                "json" => true,
                var other => throw new ConfigurationError($"{Root}.logging.format", $"'{other}' is not text or json"),
            },
            ShutdownGracePeriod = hocon.Duration($"{Root}.shutdown.grace-period"),
            ShutdownRetryAfter = Positive(hocon, $"{Root}.shutdown.retry-after"),
        };

        if (configuration.MaxExpires < configuration.MinExpires)
        {
            throw new ConfigurationError($"{Root}.registrar.max-expires", "must not be below min-expires");
        }

        if (configuration.DefaultExpires < configuration.MinExpires || configuration.DefaultExpires > configuration.MaxExpires)
        {
            throw new ConfigurationError($"{Root}.registrar.default-expires", "must lie between min-expires and max-expires");
        }

        return configuration;
    }

    /// <summary>The environment variable wins over the file, so a password need not be written into a configuration file.</summary>
    public const string PostgreSqlEnvironmentVariable = "CALLCENTER_POSTGRESQL";

    private static string? ReadPostgreSql(HoconReader hocon, Func<string, string?> environment)
    {
        var key = $"{Root}.persistence.postgresql";
        var fromEnvironment = environment(PostgreSqlEnvironmentVariable);
        var value = string.IsNullOrWhiteSpace(fromEnvironment) ? hocon.OptionalString(key) : fromEnvironment;
        var provider = hocon.OptionalString($"{Root}.persistence.provider") ?? "sqlite";
        return provider switch
        {
            "sqlite" => null,
            "postgresql" when value is not null => value,
            "postgresql" => throw new ConfigurationError(key, $"is empty (set it or {PostgreSqlEnvironmentVariable})"),
            _ => throw new ConfigurationError($"{Root}.persistence.provider", $"'{provider}' is not sqlite or postgresql"),
        };
    }

    private static HttpConfig? ReadHttp(HoconReader hocon)
    {
        var key = $"{Root}.http.port";
        if (hocon.OptionalString(key) is "off" or null)
        {
            return null;
        }

        return new HttpConfig(Address($"{Root}.http.bind", hocon.String($"{Root}.http.bind")), hocon.Int(key, 0, 65535));
    }

    private static ClusterConfig ReadCluster(HoconReader hocon)
    {
        var port = hocon.Int($"{Root}.cluster.port", 0, 65535);
        var seeds = hocon.StringList($"{Root}.cluster.seeds").Select(s => SeedNode.Parse($"{Root}.cluster.seeds", s)).ToImmutableArray();
        return new ClusterConfig(
            port == 0 ? null : port, hocon.String($"{Root}.cluster.hostname"), seeds, Positive(hocon, $"{Root}.cluster.stable-after"));
    }

    private static ImmutableArray<DigestAlgorithm> ReadAlgorithms(HoconReader hocon)
    {
        var key = $"{Root}.registrar.algorithms";
        var algorithms = ImmutableArray.CreateBuilder<DigestAlgorithm>();
        foreach (var token in hocon.StringList(key))
        {
            if (!DigestAlgorithmExtensions.TryParse(token, out var algorithm) || algorithm.IsSession())
            {
                throw new ConfigurationError(key, $"'{token}' is not one of SHA-256, MD5");
            }

            algorithms.Add(algorithm);
        }

        return algorithms.Count == 0 ? throw new ConfigurationError(key, "offer at least one algorithm") : algorithms.ToImmutable();
    }

    /// <summary>Off or 0 turns probing off; below a second it would flood the phones, above an hour it finds nothing.</summary>
    private static TimeSpan ProbeInterval(HoconReader hocon, string key) => hocon.OptionalDuration(key) switch
    {
        null => TimeSpan.Zero,
        var zero when zero == TimeSpan.Zero => TimeSpan.Zero,
        var value when value < TimeSpan.FromSeconds(1) || value > TimeSpan.FromHours(1) =>
            throw new ConfigurationError(key, "must lie between 1s and 1h (or be off)"),
        var value => value.Value,
    };

    internal static TimeSpan Positive(HoconReader hocon, string key)
    {
        var value = hocon.Duration(key);
        return value > TimeSpan.Zero ? value : throw new ConfigurationError(key, "must be positive");
    }

    private static IPAddress Address(string key, string text) =>
        IPAddress.TryParse(text, out var address) ? address : throw new ConfigurationError(key, $"'{text}' is not an IP address");

    /// <summary>Queue and agent names become SIP user parts: keep them to characters that need no escaping.</summary>
    internal static string Name(string key, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? name
            : throw new ConfigurationError(key, $"'{name}' is not a usable name (letters, digits, '-', '_', '.')");
}

/// <summary>An RTP port range written as <c>first-last</c>.</summary>
public static class RtpPorts
{
    /// <summary>At least two even/odd pairs: one call takes two.</summary>
    public static (int First, int Last) Parse(string key, string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !int.TryParse(text.AsSpan(0, dash).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(text.AsSpan(dash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            throw new ConfigurationError(key, $"'{text}' is not a range such as 20000-20999");
        }

        if (first < 1024 || last > 65535 || last - first < 3)
        {
            throw new ConfigurationError(key, $"{first}-{last} must lie within 1024-65535 and hold at least two port pairs");
        }

        return (first, last);
    }
}
