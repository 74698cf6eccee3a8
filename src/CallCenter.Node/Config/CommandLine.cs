using System.Collections.Immutable;
using System.Globalization;
using System.Net;

namespace CallCenter.Node.Config;

/// <summary>The node's command line: a configuration file and the values most often changed per run.</summary>
public sealed record CommandLine
{
    public const string Usage = """
        Usage: CallCenter.Node [options]
          --config <file.hocon>      call-center configuration (callcenter { domain, queues, agents, ... })
          --sip-port <port>          SIP port, UDP and TCP (default 5060)
          --bind <address>           address to listen on (default 0.0.0.0)
          --advertise <address>      address written in Via, Contact and SDP (default: derived)
          --rtp-ports <first-last>   RTP port range (default 20000-20999)
          --db <file>                SQLite database (default callcenter.db)
          --http-port <port|off>     operations endpoint /health, /metrics, /status on 127.0.0.1 (default 8060;
                                     0 picks a free port; callcenter.http.bind changes the address)
          --cluster-port <port>      join a cluster: Akka remoting port (default: standalone)
          --seed <host:port>         a seed node's remoting address (repeatable; none: this node forms the cluster)
          --help                     this text

        Without --config the node runs the built-in sample (queue support, agents alice and bob, public demo passwords).
        Configuration: hocon/callcenter.defaults.hocon documents every key; --config FILE is read on top of it and
        the options above override both. Secrets from the environment (they win over the file):
          CALLCENTER_AGENT_<ID>_PASSWORD  an agent's password (id upper-cased, other characters as _)
          CALLCENTER_POSTGRESQL           the PostgreSQL connection string (persistence.provider = postgresql)
        Exit codes: 0 stopped (Ctrl+C, SIGTERM, quit), 2 invalid configuration, 3 a port or file cannot be used.
        """;

    public string? ConfigFile { get; init; }

    public int? SipPort { get; init; }

    public IPAddress? Bind { get; init; }

    public IPAddress? Advertise { get; init; }

    public (int First, int Last)? RtpPorts { get; init; }

    public string? Database { get; init; }

    /// <summary>The operations endpoint's port: null keeps the configuration's, 0 picks a free one.</summary>
    public int? HttpPort { get; init; }

    public bool HttpOff { get; init; }

    public int? ClusterPort { get; init; }

    public ImmutableArray<SeedNode> Seeds { get; init; } = [];

    public bool Help { get; init; }

    /// <exception cref="ConfigurationError">An unknown option, a missing value, or a value that does not parse.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option is "--help" or "-h")
            {
                result = result with { Help = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ConfigurationError(option, option.StartsWith("--", StringComparison.Ordinal) ? "needs a value" : "unknown option");
            }

            var value = args[++i];
            result = option switch
            {
                "--config" => result with { ConfigFile = value },
                "--sip-port" => result with { SipPort = Port(option, value) },
                "--bind" => result with { Bind = Address(option, value) },
                "--advertise" => result with { Advertise = Address(option, value) },
                "--rtp-ports" => result with { RtpPorts = Config.RtpPorts.Parse(option, value) },
                "--db" => result with { Database = string.IsNullOrWhiteSpace(value) ? throw new ConfigurationError(option, "is empty") : value },
                "--http-port" when value == "off" => result with { HttpOff = true, HttpPort = null },
                "--http-port" => result with { HttpOff = false, HttpPort = value == "0" ? 0 : Port(option, value) },
                "--cluster-port" => result with { ClusterPort = Port(option, value) },
                "--seed" => result with { Seeds = result.Seeds.Add(SeedNode.Parse(option, value)) },
                _ => throw new ConfigurationError(option, "unknown option (see --help)"),
            };
        }

        return result;
    }

    /// <summary>The configuration with this command line's values in place of the file's.</summary>
    public NodeConfiguration ApplyTo(NodeConfiguration configuration) => configuration with
    {
        SipPort = SipPort ?? configuration.SipPort,
        SipBind = Bind ?? configuration.SipBind,
        Advertise = Advertise ?? configuration.Advertise,
        RtpFirstPort = RtpPorts?.First ?? configuration.RtpFirstPort,
        RtpLastPort = RtpPorts?.Last ?? configuration.RtpLastPort,
        Database = Database ?? configuration.Database,
        Http = HttpOff ? null
            : HttpPort is { } port ? new HttpConfig(configuration.Http?.Bind ?? IPAddress.Loopback, port)
            : configuration.Http,
        Cluster = configuration.Cluster with
        {
            Port = ClusterPort ?? configuration.Cluster.Port,
            Seeds = Seeds.IsEmpty ? configuration.Cluster.Seeds : Seeds,
        },
    };

    private static int Port(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new ConfigurationError(option, $"'{value}' is not a port (1-65535)");

    private static IPAddress Address(string option, string value) =>
        IPAddress.TryParse(value, out var address) ? address : throw new ConfigurationError(option, $"'{value}' is not an IP address");
}
