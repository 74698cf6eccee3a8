using System.Collections.Frozen;

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

    private static readonly string[] All =
    [
        Via, From, To, CallId, CSeq, Contact, MaxForwards, Route, RecordRoute, ContentType, ContentLength,
        ContentEncoding, Expires, MinExpires, Authorization, WwwAuthenticate, ProxyAuthorization, ProxyAuthenticate,
        Allow, Supported, Require, ProxyRequire, Unsupported, UserAgent, Server, Subject, Accept, AcceptEncoding,
        AcceptLanguage, RetryAfter, Date, Timestamp, Warning, ReferTo, Event,
    ];

    private static readonly FrozenDictionary<string, string> CanonicalByName = BuildTable();

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CanonicalBySpan =
        CanonicalByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Headers whose values may be combined into one line separated by commas (RFC 3261 §7.3.1).</summary>
    private static readonly FrozenSet<string> CommaSeparated = new[]
    {
        Via, Contact, Route, RecordRoute, Allow, Supported, Require, ProxyRequire, Unsupported, Accept,
        AcceptEncoding, AcceptLanguage, ContentEncoding, Warning, "Alert-Info", "Call-Info", "Error-Info", "In-Reply-To",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Maps any spelling of a header name (including compact forms) to its canonical name.</summary>
    public static string Canonicalize(ReadOnlySpan<char> name) =>
        CanonicalBySpan.TryGetValue(name, out var canonical) ? canonical : name.ToString();

    /// <summary>Maps any spelling of a header name (including compact forms) to its canonical name.</summary>
    public static string Canonicalize(string name) =>
        CanonicalByName.TryGetValue(name, out var canonical) ? canonical : name;

    /// <summary>True when the header's grammar is a comma-separated list, so one line may carry several values.</summary>
    public static bool IsCommaSeparated(string canonicalName) => CommaSeparated.Contains(canonicalName);

    private static FrozenDictionary<string, string> BuildTable()
    {
        var table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in All)
        {
            table[name] = name;
        }

        table["i"] = CallId;
        table["m"] = Contact;
        table["e"] = ContentEncoding;
        table["l"] = ContentLength;
        table["c"] = ContentType;
        table["f"] = From;
        table["s"] = Subject;
        table["k"] = Supported;
        table["t"] = To;
        table["v"] = Via;
        table["r"] = ReferTo;
        table["o"] = Event;
        return table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
