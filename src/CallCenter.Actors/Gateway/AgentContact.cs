using System.Diagnostics.CodeAnalysis;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;

namespace CallCenter.Actors.Gateway;

/// <summary>
/// How to reach a registered phone, as the text an AgentActor keeps (<see cref="Domain.Agents.AgentCommands.Register"/>):
/// the phone's Contact URI (the Request-URI of our INVITE) and, when the phone registered from behind a NAT, the
/// address its REGISTER really came from (where the INVITE must go), e.g.
/// <c>&lt;sip:alice@192.168.1.20:5060&gt;;received="sip:203.0.113.7:40112;transport=udp"</c>.
/// </summary>
/// <remarks>Kept in the agent's journal, so a call rung after a restart of the gateway still reaches the phone.</remarks>
public sealed record AgentContact(SipUri Uri, SipEndPoint? ReachAt)
{
    private const string ReceivedParameter = "received";

    /// <summary>Reads a contact text: this type's own form, a name-address, or a bare SIP URI. False for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AgentContact? contact)
    {
        contact = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (!text.Contains('<', StringComparison.Ordinal))
        {
            if (!SipUri.TryParse(text.Trim(), out var bare) || !bare.IsSip)
            {
                return false;
            }

            contact = new AgentContact(bare, null);
            return true;
        }

        if (!NameAddress.TryParse(text, out var address) || !address.Uri.IsSip)
        {
            return false;
        }

        SipEndPoint? reachAt = null;
        if (address.Parameters.Unquoted(ReceivedParameter) is { } received)
        {
            if (!SipUri.TryParse(received, out var receivedUri) || !SipHops.TryResolve(receivedUri, out var endPoint))
            {
                return false;
            }

            reachAt = endPoint;
        }

        contact = new AgentContact(address.Uri, reachAt);
        return true;
    }

    /// <summary>Where the INVITE goes: the NAT source when there is one, else the Contact's own address.</summary>
    public bool TryGetDestination(out SipEndPoint destination)
    {
        if (ReachAt is { } reachAt)
        {
            destination = reachAt;
            return true;
        }

        return SipHops.TryResolve(Uri, out destination);
    }

    public override string ToString()
    {
        var address = new NameAddress(Uri);
        return ReachAt is { } reachAt
            ? address.WithParameter(ReceivedParameter, "\"" + SipHops.ToUri(reachAt) + "\"").ToString()
            : address.ToString();
    }
}
