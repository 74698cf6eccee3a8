using System.Collections.Frozen;
using System.Text;

namespace CallCenter.Sip.Messages;

/// <summary>
/// Canonical header names. Names are case-insensitive and have compact forms (RFC 3261 §7.3.3);
/// the parser maps every spelling of a known header to the one string instance here.
/// </summary>
public static class SipHeaderNames
{
    public const string Via = "Via";
    public const string From = "From";
    public const string To = "To";
    public const string CallId = "Call-ID";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string MaxForwards = "Max-Forwards";
    public const string Route = "Route";
    public const string RecordRoute = "Record-Route";
    public const string ContentType = "Content-Type";
    public const string ContentLength = "Content-Length";
    public const string ContentEncoding = "Content-Encoding";
    public const string Expires = "Expires";
    public const string MinExpires = "Min-Expires";
    public const string Authorization = "Authorization";
    public const string WwwAuthenticate = "WWW-Authenticate";
    public const string ProxyAuthorization = "Proxy-Authorization";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string Allow = "Allow";
    public const string Supported = "Supported";
    public const string Require = "Require";
    public const string ProxyRequire = "Proxy-Require";
    public const string Unsupported = "Unsupported";
    public const string UserAgent = "User-Agent";
    public const string Server = "Server";
    public const string Subject = "Subject";
    public const string Accept = "Accept";
    public const string AcceptEncoding = "Accept-Encoding";
    public const string AcceptLanguage = "Accept-Language";
    public const string RetryAfter = "Retry-After";
    public const string Date = "Date";
    public const string Timestamp = "Timestamp";
    public const string Warning = "Warning";
    public const string ReferTo = "Refer-To";
    public const string Event = "Event";
    public const string SessionExpires = "Session-Expires";
    public const string MinSE = "Min-SE";
    public const string AllowEvents = "Allow-Events";
    public const string SubscriptionState = "Subscription-State";
    public const string ReferredBy = "Referred-By";
    public const string Replaces = "Replaces";
    public const string PAssertedIdentity = "P-Asserted-Identity";
    public const string PPreferredIdentity = "P-Preferred-Identity";
    public const string Privacy = "Privacy";
    public const string Reason = "Reason";
    public const string RSeq = "RSeq";
    public const string RAck = "RAck";
    public const string ContentDisposition = "Content-Disposition";
    public const string ContentLanguage = "Content-Language";
    public const string MimeVersion = "MIME-Version";
    public const string Organization = "Organization";
    public const string Priority = "Priority";
    public const string Path = "Path";
    public const string ServiceRoute = "Service-Route";
    public const string AuthenticationInfo = "Authentication-Info";

    private static readonly string[] All =
    [
        Via, From, To, CallId, CSeq, Contact, MaxForwards, Route, RecordRoute, ContentType, ContentLength,
        ContentEncoding, Expires, MinExpires, Authorization, WwwAuthenticate, ProxyAuthorization, ProxyAuthenticate,
        Allow, Supported, Require, ProxyRequire, Unsupported, UserAgent, Server, Subject, Accept, AcceptEncoding,
        AcceptLanguage, RetryAfter, Date, Timestamp, Warning, ReferTo, Event, SessionExpires, MinSE, AllowEvents,
        SubscriptionState, ReferredBy, Replaces, PAssertedIdentity, PPreferredIdentity, Privacy, Reason, RSeq, RAck,
        ContentDisposition, ContentLanguage, MimeVersion, Organization, Priority, Path, ServiceRoute, AuthenticationInfo,
    ];

    /// <summary>
    /// Headers whose values repeat from message to message of the same peer (capabilities, product names, content
    /// types): the parser reuses the string of a recently seen equal value for them instead of allocating a new one.
    /// </summary>
    private static readonly string[] RepeatingValues =
    [
        MaxForwards, ContentType, ContentLength, ContentEncoding, ContentDisposition, ContentLanguage, MimeVersion, Allow,
        Supported, Require, ProxyRequire, Unsupported, Accept, AcceptEncoding, AcceptLanguage, UserAgent, Server, Expires,
        MinExpires, SessionExpires, MinSE, AllowEvents, Privacy, Organization, Event,
    ];

    /// <summary>Longest spelling in the table; longer names are unknown without a lookup.</summary>
    private const int MaxNameLength = 24;

    /// <summary>
    /// Known spellings bucketed by length and first letter, so a lookup is an index and one or two ASCII
    /// case-insensitive compares: it runs for every header line of every message.
    /// </summary>
    private static readonly KnownHeader[]?[] Buckets = BuildBuckets();
    /// <summary>Headers whose values may be combined into one line separated by commas (RFC 3261 §7.3.1).</summary>
    private static readonly FrozenSet<string> CommaSeparated = new[]
    {
        Via, Contact, Route, RecordRoute, Allow, Supported, Require, ProxyRequire, Unsupported, Accept,
        AcceptEncoding, AcceptLanguage, ContentEncoding, ContentLanguage, Warning, AllowEvents, Path, ServiceRoute,
        PAssertedIdentity, PPreferredIdentity, Reason, "Alert-Info", "Call-Info", "Error-Info", "In-Reply-To",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Maps any spelling of a header name (including compact forms) to its canonical name.</summary>
    public static string Canonicalize(ReadOnlySpan<char> name) => Find(name)?.Name ?? name.ToString();

    /// <summary>Maps any spelling of a header name (including compact forms) to its canonical name.</summary>
    public static string Canonicalize(string name) => Find(name)?.Name ?? name;

    /// <summary>The canonical name, and whether the header's values tend to repeat across messages (see <see cref="RepeatingValues"/>).</summary>
    internal static string Canonicalize(ReadOnlySpan<char> name, out bool repeatingValues)
    {
        var known = Find(name);
        repeatingValues = known?.RepeatingValues ?? false;
        return known?.Name ?? name.ToString();
    }

    /// <summary>True when the header's grammar is a comma-separated list, so one line may carry several values.</summary>
    public static bool IsCommaSeparated(string canonicalName) => CommaSeparated.Contains(canonicalName);

    private static KnownHeader? Find(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > MaxNameLength || !char.IsAsciiLetter(name[0]))
        {
            return null;
        }

        if (Buckets[BucketOf(name)] is not { } bucket)
        {
            return null;
        }

        foreach (var known in bucket)
        {
            if (Ascii.EqualsIgnoreCase(name, known.Spelling))
            {
                return known;
            }
        }

        return null;
    }

    private static int BucketOf(ReadOnlySpan<char> name) => (name.Length * 32) + ((name[0] | 0x20) & 31);

    private static KnownHeader[]?[] BuildBuckets()
    {
        var entries = All.Select(name => new KnownHeader(name, name, RepeatingValues.Contains(name))).ToList();
        (string Compact, string Name)[] compactForms =
        [
            ("i", CallId), ("m", Contact), ("e", ContentEncoding), ("l", ContentLength), ("c", ContentType), ("f", From),
            ("s", Subject), ("k", Supported), ("t", To), ("v", Via), ("r", ReferTo), ("o", Event),
            ("x", SessionExpires), ("u", AllowEvents), ("b", ReferredBy),
        ];
        entries.AddRange(compactForms.Select(c => entries.Single(e => e.Name == c.Name) with { Spelling = c.Compact }));

        var buckets = new KnownHeader[]?[(MaxNameLength + 1) * 32];
        foreach (var group in entries.GroupBy(e => BucketOf(e.Spelling)))
        {
            buckets[group.Key] = [.. group];
        }

        return buckets;
    }

    /// <summary>One spelling (canonical or compact) of a known header.</summary>
    private sealed record KnownHeader(string Spelling, string Name, bool RepeatingValues);
}
