using System.Text;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Serialization;

namespace CallCenter.Sip.Messages;

/// <summary>
/// A SIP request or response: immutable header lines plus a body. Typed views of the common headers are
/// parsed on first use and cached; a message that came from <see cref="SipParser"/> has already been
/// validated, so its typed views are never null where RFC 3261 makes the header mandatory.
/// </summary>
public abstract class SipMessage
{
    public const string Version = "SIP/2.0";

    private IReadOnlyList<Via>? _vias;
    private NameAddress? _from;
    private NameAddress? _to;
    private CSeq? _cseq;
    private IReadOnlyList<NameAddress>? _contacts;

    protected SipMessage(SipHeaders headers, ReadOnlyMemory<byte> body)
    {
        Headers = headers;
        Body = body;
    }

    public SipHeaders Headers { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>
    /// The Via values, top first. On a message the parser refused, the list stops before the first malformed value,
    /// so <see cref="TopVia"/> is never a lower hop standing in for an unreadable top one.
    /// </summary>
    public IReadOnlyList<Via> Vias => _vias ??= ParseList<Via>(SipHeaderNames.Via, HeaderValueParser.TryParseVia, stopAtInvalid: true);

    public Via? TopVia => Vias.Count > 0 ? Vias[0] : null;

    public NameAddress? From => _from ??= ParseNameAddress(SipHeaderNames.From);

    public NameAddress? To => _to ??= ParseNameAddress(SipHeaderNames.To);

    public string? CallId => Headers.First(SipHeaderNames.CallId);

    public CSeq? CSeq => _cseq ??= Headers.First(SipHeaderNames.CSeq) is { } value && HeaderValueParser.TryParseCSeq(value, out var cseq)
        ? cseq
        : null;

    public int? MaxForwards => ParseInt(SipHeaderNames.MaxForwards);

    /// <summary>Contact values; empty for <c>Contact: *</c> (see <see cref="IsContactWildcard"/>).</summary>
    public IReadOnlyList<NameAddress> Contacts => _contacts ??= IsContactWildcard
        ? []
        : ParseList<NameAddress>(SipHeaderNames.Contact, HeaderValueParser.TryParseNameAddress);

    public bool IsContactWildcard => Headers.First(SipHeaderNames.Contact) is { } value && value.AsSpan().Trim() is "*";

    public IReadOnlyList<NameAddress> Routes => ParseList<NameAddress>(SipHeaderNames.Route, HeaderValueParser.TryParseNameAddress);

    public IReadOnlyList<NameAddress> RecordRoutes =>
        ParseList<NameAddress>(SipHeaderNames.RecordRoute, HeaderValueParser.TryParseNameAddress);

    public string? ContentType => Headers.First(SipHeaderNames.ContentType);

    /// <summary>The Content-Length header as written, or null; serialization always writes the body's real length.</summary>
    public int? ContentLength => ParseInt(SipHeaderNames.ContentLength);

    public int? Expires => ParseInt(SipHeaderNames.Expires);

    public string? UserAgent => Headers.First(SipHeaderNames.UserAgent);

    public IReadOnlyList<string> Allow => Headers.Values(SipHeaderNames.Allow);

    public IReadOnlyList<string> Supported => Headers.Values(SipHeaderNames.Supported);

    public IReadOnlyList<string> Require => Headers.Values(SipHeaderNames.Require);

    /// <summary>The body decoded as UTF-8 text (SDP, plain text).</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>The whole message as wire text, for logs and tests.</summary>
    public override string ToString() => Encoding.UTF8.GetString(SipSerializer.Serialize(this));

    internal abstract bool StartLineEquals(SipMessage other);

    protected bool ContentEquals(SipMessage other) =>
        StartLineEquals(other) && Headers.Equals(other.Headers) && Body.Span.SequenceEqual(other.Body.Span);

    private int? ParseInt(string name) =>
        Headers.First(name) is { } value && int.TryParse(value.AsSpan().Trim(), out var number) ? number : null;

    private NameAddress? ParseNameAddress(string name) =>
        Headers.First(name) is { } value && HeaderValueParser.TryParseNameAddress(value, out var address) ? address : null;

    private delegate bool TryParseValue<T>(string text, out T value);

    private IReadOnlyList<T> ParseList<T>(string name, TryParseValue<T> tryParse, bool stopAtInvalid = false)
    {
        var values = Headers.Values(name);
        if (values.Count == 0)
        {
            return [];
        }

        var result = new List<T>(values.Count);
        foreach (var value in values)
        {
            if (tryParse(value, out var parsed))
            {
                result.Add(parsed);
            }
            else if (stopAtInvalid)
            {
                break;
            }
        }

        return result;
    }
}
