using System.Collections.Immutable;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Dialogs;

/// <summary>
/// One SIP dialog (RFC 3261 §12) as an immutable value: every event returns the next dialog. It builds the
/// requests and responses of the dialog and never sends anything; the caller hands them to transactions.
/// Construct it with <see cref="TryCreateAsUas"/> or <see cref="TryCreateAsUac"/>.
/// </summary>
public sealed partial record SipDialog
{
    /// <summary>RFC 3261 §8.1.1.6 recommends 70 for every request a UA originates.</summary>
    public const int MaxForwardsValue = 70;

    private SipDialog(
        DialogId id, DialogRole role, DialogState state, NameAddress localParty, NameAddress remoteParty, SipUri localTarget,
        SipUri remoteTarget)
    {
        Id = id;
        Role = role;
        State = state;
        LocalParty = localParty;
        RemoteParty = remoteParty;
        LocalTarget = localTarget;
        RemoteTarget = remoteTarget;
    }

    public DialogId Id { get; private init; }

    public DialogRole Role { get; private init; }

    public DialogState State { get; private init; }

    /// <summary>Our From/To party without the tag: the local URI and a display name.</summary>
    public NameAddress LocalParty { get; private init; }

    /// <summary>The peer's From/To party without the tag: the remote URI and a display name.</summary>
    public NameAddress RemoteParty { get; private init; }

    /// <summary>Our Contact URI, sent in target refresh requests and in 1xx/2xx to them.</summary>
    public SipUri LocalTarget { get; private init; }

    /// <summary>The peer's Contact: the Request-URI of our requests (under loose routing).</summary>
    public SipUri RemoteTarget { get; private init; }

    /// <summary>The CSeq number of our last request; null until we send one in a dialog we did not create (§12.1.1).</summary>
    public long? LocalSequence { get; private init; }

    /// <summary>The highest CSeq number the peer used; null until its first request (UAC side, §12.1.2).</summary>
    public long? RemoteSequence { get; private init; }

    /// <summary>The proxies that record-routed, in the order our requests visit them.</summary>
    public ImmutableArray<NameAddress> RouteSet { get; private init; } = [];

    /// <summary>True when the dialog was created with a SIPS Request-URI (§12.1.1): all its requests stay secure.</summary>
    public bool IsSecure { get; private init; }

    /// <summary>The CSeq of our INVITE that has no final response yet (a received re-INVITE then gets 491, §14.2).</summary>
    public long? PendingOutgoingInvite { get; private init; }

    /// <summary>The CSeq of the peer's INVITE we have not answered finally (a second one then gets 500, §14.2).</summary>
    public long? PendingIncomingInvite { get; private init; }

    /// <summary>The last ACK we sent for a 2xx, re-sent when that 2xx is retransmitted.</summary>
    public SentAck? LastAck { get; private init; }

    /// <summary>
    /// True while an INVITE of either side has no final response: §14.1 forbids starting another INVITE then.
    /// </summary>
    public bool HasInviteInProgress => PendingOutgoingInvite is not null || PendingIncomingInvite is not null;

    public string CallId => Id.CallId;

    public string LocalTag => Id.LocalTag;

    public string RemoteTag => Id.RemoteTag;

    public SipUri LocalUri => LocalParty.Uri;

    public SipUri RemoteUri => RemoteParty.Uri;

    /// <summary>
    /// How long to wait before retrying a re-INVITE refused with 491 (§14.1): the Call-ID owner (the UAC of the
    /// dialog) waits 2.1-4 s, the other side 0-2 s, in 10 ms units, so the two sides rarely collide again.
    /// </summary>
    public TimeSpan GlareRetryDelay(Random? random = null)
    {
        var source = random ?? Random.Shared;
        var units = Role == DialogRole.Uac ? source.Next(210, 401) : source.Next(0, 201);
        return TimeSpan.FromMilliseconds(units * 10);
    }

    private static NameAddress WithoutTag(NameAddress address) =>
        address with { Parameters = address.Parameters.Without("tag") };

    private static bool IsTargetRefresh(string method) => method is SipMethods.Invite or SipMethods.Update;
}
