using System.Text;
using CallCenter.Sip.Parsing;

namespace CallCenter.Sip.Messages;

/// <summary>
/// A From, To, Contact, Route or Record-Route value: optional display name, a URI, and header parameters
/// (tag, expires, q, ...). Parameters after a URI written without angle brackets belong to the header (§20.10).
/// </summary>
public sealed record NameAddress(string? DisplayName, SipUri Uri, SipParameters Parameters)
{
    public NameAddress(SipUri uri)
        : this(null, uri, SipParameters.Empty)
    {
    }

    public string? Tag => Parameters.Unquoted("tag");

    public NameAddress WithTag(string tag) => this with { Parameters = Parameters.With("tag", tag) };

    public NameAddress WithParameter(string name, string? value) => this with { Parameters = Parameters.With(name, value) };

    public static bool TryParse(string text, out NameAddress value) => HeaderValueParser.TryParseNameAddress(text, out value);

    public override string ToString()
    {
        var builder = new StringBuilder(80);
        // An empty display name is written as "" so it reads back as empty, not absent.
        if (DisplayName is not null)
        {
            builder.Append(QuotedString.Quote(DisplayName)).Append(' ');
        }

        builder.Append('<');
        Uri.AppendTo(builder);
        builder.Append('>');
        Parameters.AppendTo(builder);
        return builder.ToString();
    }
}
