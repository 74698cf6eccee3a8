using System.Globalization;
using System.Net;

namespace CallCenter.Sip.Sdp;

/// <summary>The o= line: who made this description and which revision of it this is (RFC 4566 §5.2).</summary>
/// <param name="Username">The originator's login, "-" when there is none.</param>
/// <param name="SessionId">Kept as text: it only identifies the session and is compared, never computed with.</param>
/// <param name="SessionVersion">Numeric because the offerer must increase it on every change (RFC 3264 §8).</param>
/// <param name="NetworkType">IN for the Internet.</param>
/// <param name="AddressType">IP4 or IP6.</param>
/// <param name="Address">The originating host.</param>
public sealed record SdpOrigin(
    string Username,
    string SessionId,
    ulong SessionVersion,
    string NetworkType,
    string AddressType,
    string Address)
{
    /// <summary>An origin for our own descriptions; the first version equals the session id, as RFC 4566 suggests.</summary>
    public static SdpOrigin Create(IPAddress address, ulong sessionId, string username = "-")
    {
        var connection = SdpConnection.For(address);
        return new SdpOrigin(
            username,
            sessionId.ToString(CultureInfo.InvariantCulture),
            sessionId,
            connection.NetworkType,
            connection.AddressType,
            connection.Address);
    }

    /// <summary>The same session with the version one higher, for a changed description.</summary>
    /// <remarks>
    /// Wraps at <see cref="ulong.MaxValue"/> instead of throwing: the only way to get there is a seed
    /// chosen by us, and a wrapped number still differs from the previous one, which is what peers check.
    /// </remarks>
    public SdpOrigin NextVersion() => this with { SessionVersion = unchecked(SessionVersion + 1) };

    /// <summary>True when both describe the same session (RFC 4566: all fields but the version identify it).</summary>
    public bool IsSameSession(SdpOrigin other) =>
        Username == other.Username
        && SessionId == other.SessionId
        && NetworkType == other.NetworkType
        && AddressType == other.AddressType
        && Address == other.Address;
}
