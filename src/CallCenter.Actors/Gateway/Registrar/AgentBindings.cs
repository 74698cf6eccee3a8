using System.Collections.Immutable;
using System.Globalization;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;

namespace CallCenter.Actors.Gateway.Registrar;

/// <summary>One registered contact of an agent.</summary>
/// <remarks><c>Contact</c> is as the phone sent it; <c>ReachAt</c> is the REGISTER's source when the phone is behind a
/// NAT (requests go there), else null; <c>CallId</c> and <c>CSeq</c> are those of the REGISTER that last changed it, to
/// refuse stale ones (RFC 3261 §10.3 step 7).</remarks>
public sealed record Binding(NameAddress Contact, SipEndPoint? ReachAt, string CallId, long CSeq, DateTimeOffset ExpiresAt, DateTimeOffset UpdatedAt)
{
    public AgentContact AgentContact => new(Contact.Uri, ReachAt);

    public TimeSpan Remaining(DateTimeOffset now) => ExpiresAt > now ? ExpiresAt - now : TimeSpan.Zero;

    /// <summary>The Contact line of a 200 OK: the contact with its remaining expiry in whole seconds, rounded down so the
    /// phone refreshes in time, but never 0, which would read as "removed".</summary>
    public string ToContactLine(DateTimeOffset now) =>
        Contact.WithParameter("expires", Math.Max(1L, (long)Remaining(now).TotalSeconds).ToString(CultureInfo.InvariantCulture)).ToString();
}

/// <summary>How applying a REGISTER to the bindings went.</summary>
public enum BindingOutcome
{
    Applied,

    /// <summary>A contact was last changed by the same Call-ID with a CSeq at least as high: the request is stale.</summary>
    OutOfOrder,

    /// <summary>The agent would have more contacts than allowed.</summary>
    TooMany,
}

/// <summary>The contacts one agent has registered (RFC 3261 §10.3): an immutable value, changed by REGISTERs and time.</summary>
public sealed record AgentBindings(ImmutableArray<Binding> Bindings)
{
    public static AgentBindings Empty { get; } = new(ImmutableArray<Binding>.Empty);

    /// <summary>The binding the agent is rung at: the one that lasts longest (so the agent stays registered exactly as long
    /// as any binding does), the most recently refreshed among equals.</summary>
    public Binding? Preferred =>
        Bindings.IsEmpty ? null : Bindings.OrderByDescending(b => b.ExpiresAt).ThenByDescending(b => b.UpdatedAt).First();

    /// <summary>Without the bindings that expired by <paramref name="now"/>.</summary>
    public AgentBindings Live(DateTimeOffset now)
    {
        var live = Bindings.RemoveAll(b => b.ExpiresAt <= now);
        return live.Length == Bindings.Length ? this : new AgentBindings(live);
    }

    /// <summary>Applies <paramref name="request"/> as a whole or not at all; <paramref name="reachAt"/> is the NAT source of the REGISTER.</summary>
    public (BindingOutcome Outcome, AgentBindings Next) Apply(RegisterRequest request, SipEndPoint? reachAt, DateTimeOffset now, int maxBindings)
    {
        var live = Live(now);
        switch (request)
        {
            case RegisterRequest.RemoveAll all:
                return live.Bindings.Any(b => IsStale(b, all.CallId, all.CSeq))
                    ? (BindingOutcome.OutOfOrder, live)
                    : (BindingOutcome.Applied, Empty);
            case RegisterRequest.Update update:
                return live.ApplyUpdate(update, reachAt, now, maxBindings);
            default:
                return (BindingOutcome.Applied, live);
        }
    }

    private (BindingOutcome Outcome, AgentBindings Next) ApplyUpdate(RegisterRequest.Update update, SipEndPoint? reachAt, DateTimeOffset now, int maxBindings)
    {
        var next = Bindings.ToBuilder();
        foreach (var change in update.Contacts)
        {
            var key = KeyOf(change.Contact.Uri);
            var index = next.FindIndex(b => KeyOf(b.Contact.Uri) == key);
            if (index >= 0 && IsStale(next[index], update.CallId, update.CSeq))
            {
                return (BindingOutcome.OutOfOrder, this);
            }

            if (index >= 0)
            {
                next.RemoveAt(index);
            }

            if (change.Expires > TimeSpan.Zero)
            {
                var contact = change.Contact with { Parameters = change.Contact.Parameters.Without("expires") };
                next.Add(new Binding(contact, reachAt, update.CallId, update.CSeq, now + change.Expires, now));
            }
        }

        return next.Count > maxBindings ? (BindingOutcome.TooMany, this) : (BindingOutcome.Applied, new AgentBindings(next.ToImmutable()));
    }

    private static bool IsStale(Binding binding, string callId, long cseq) =>
        string.Equals(binding.CallId, callId, StringComparison.Ordinal) && cseq <= binding.CSeq;

    /// <summary>Contacts are the same binding when their URIs are equal in the parts RFC 3261 §19.1.4 compares that phones vary:
    /// scheme, user, host (case-insensitive), port (5060 by default) and transport.</summary>
    internal static string KeyOf(SipUri uri) => string.Create(
        CultureInfo.InvariantCulture,
        $"{uri.Scheme.ToLowerInvariant()}:{uri.User}@{uri.Host.ToLowerInvariant()}:{uri.Port ?? SipHops.DefaultPort};{uri.Transport ?? "udp"}");
}

internal static class BindingListExtensions
{
    public static int FindIndex(this ImmutableArray<Binding>.Builder bindings, Func<Binding, bool> match)
    {
        for (var i = 0; i < bindings.Count; i++)
        {
            if (match(bindings[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
