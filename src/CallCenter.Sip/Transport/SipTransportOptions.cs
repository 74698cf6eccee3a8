using System.Net;
using CallCenter.Sip.Parsing;

namespace CallCenter.Sip.Transport;

/// <summary>Configuration of a <see cref="SipTransportHost"/>. Port 0 binds an ephemeral port.</summary>
public sealed record SipTransportOptions
{
    /// <summary>The sockets to open: one per protocol and address (0.0.0.0, ::, or a specific address).</summary>
    public IReadOnlyList<SipEndPoint> Listen { get; init; } = [];

    public SipParserLimits ParserLimits { get; init; } = SipParserLimits.Default;

    /// <summary>Messages waiting for the layer above. When full, UDP datagrams are dropped and TCP reads wait.</summary>
    public int IncomingQueueCapacity { get; init; } = 10_000;

    /// <summary>Datagrams waiting to be written per UDP socket; sends beyond it are dropped and counted.</summary>
    public int UdpSendQueueCapacity { get; init; } = 10_000;

    /// <summary>Kernel receive buffer of each UDP socket: absorbs bursts while the receive loop parses.</summary>
    public int UdpReceiveBufferBytes { get; init; } = 1024 * 1024;

    /// <summary>Open TCP connections, inbound and outbound together; further ones are refused.</summary>
    public int MaxTcpConnections { get; init; } = 1024;

    /// <summary>Messages waiting to be written per TCP connection; a peer that reads slower loses its connection.</summary>
    public int TcpSendQueueCapacity { get; init; } = 256;

    /// <summary>A TCP connection with no traffic in either direction for this long is closed.</summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan TcpConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long disposal waits for TCP connections to write what they have queued before cutting them.</summary>
    public TimeSpan ShutdownGracePeriod { get; init; } = TimeSpan.FromSeconds(2);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Told about drops, parse errors, failed sends and connection changes; null for silence.</summary>
    public ISipTransportObserver? Observer { get; init; }

    /// <summary>UDP and TCP on each address, all on the same port (0 for ephemeral ports, which then differ).</summary>
    public static SipTransportOptions ForAddresses(int port, params IPAddress[] addresses) => new()
    {
        Listen = addresses
            .SelectMany(address => new[]
            {
                new SipEndPoint(SipProtocol.Udp, new IPEndPoint(address, port)),
                new SipEndPoint(SipProtocol.Tcp, new IPEndPoint(address, port)),
            })
            .ToArray(),
    };

    internal void Validate()
    {
        if (Listen.Count == 0)
        {
            throw new ArgumentException("At least one listen address is required.", nameof(Listen));
        }

        if (IncomingQueueCapacity < 1 || UdpSendQueueCapacity < 1 || TcpSendQueueCapacity < 1 || MaxTcpConnections < 1)
        {
            throw new ArgumentException("Queue capacities and the connection limit must be positive.");
        }

        if (TcpIdleTimeout <= TimeSpan.Zero || TcpConnectTimeout <= TimeSpan.Zero || ShutdownGracePeriod < TimeSpan.Zero)
        {
            throw new ArgumentException("TCP timeouts must be positive.");
        }
    }
}
