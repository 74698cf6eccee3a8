namespace CallCenter.Actors.Signalling;

/// <summary>Registry key of the actor that carries out <see cref="SignallingCommands"/> (the SIP gateway; a TestProbe in specs)
/// and reports <see cref="SignallingEvents"/> back to the call that sent them (directly, or through the calls parent).</summary>
public sealed class SignallingPort
{
    private SignallingPort()
    {
    }
}
