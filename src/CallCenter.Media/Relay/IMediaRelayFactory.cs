namespace CallCenter.Media.Relay;

/// <summary>Opens relays for calls; the CallActor receives one, tests give it a fake.</summary>
public interface IMediaRelayFactory
{
    /// <exception cref="MediaPortsExhaustedException">The node's media port range is full.</exception>
    IMediaRelay Open(IMediaEvents events);
}

/// <summary>Opens real relays sharing one port range, options and clock: one per node.</summary>
public sealed class MediaRelayFactory(PortAllocator ports, MediaRelayOptions options, TimeProvider time) : IMediaRelayFactory
{
    public PortAllocator Ports { get; } = ports;

    public IMediaRelay Open(IMediaEvents events) => MediaRelay.Open(Ports, events, options, time);
}
