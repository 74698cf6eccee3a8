using System.Text;
using CallCenter.Sip.Parsing;

namespace CallCenter.Sip.Messages;

/// <summary>
/// A SIP or SIPS URI (RFC 3261 §19.1): <c>sip:user:password@host:port;params?headers</c>. Other schemes
/// (tel, urn, http) are kept opaque: <see cref="Opaque"/> holds everything after the colon.
/// User, password and header text stay %-escaped exactly as written, so the URI prints back unchanged.
/// </summary>
public sealed record SipUri
{
    public required string Scheme { get; init; }

    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>Host name, IPv4 address, or IPv6 reference with its brackets; empty for opaque URIs.</summary>
    public string Host { get; init; } = "";

    public int? Port { get; init; }

    public SipParameters Parameters { get; init; } = SipParameters.Empty;

    /// <summary>The <c>?h=v&amp;...</c> part without the question mark, as written.</summary>
    public string? Headers { get; init; }

    /// <summary>For a non-SIP scheme, the text after <c>scheme:</c>.</summary>
    public string? Opaque { get; init; }

    public bool IsSip => Opaque is null;

    public bool IsSecure => string.Equals(Scheme, "sips", StringComparison.OrdinalIgnoreCase);

    /// <summary>The user part with %-escapes decoded.</summary>
    public string? UnescapedUser => User is null ? null : Uri.UnescapeDataString(User);

    /// <summary>The transport parameter, lower-case, or null.</summary>
    public string? Transport => Parameters["transport"]?.ToLowerInvariant();

    public static SipUri Sip(string? user, string host, int? port = null) =>
        new() { Scheme = "sip", User = user, Host = host, Port = port };

    public static bool TryParse(string text, out SipUri uri) => SipUriParser.TryParse(text, out uri);

    /// <summary>Parses trusted text (configuration, code); throws <see cref="FormatException"/> when invalid.</summary>
    public static SipUri Parse(string text) =>
        SipUriParser.TryParse(text, out var uri) ? uri : throw new FormatException($"Not a valid URI: '{text}'");

    public SipUri WithParameter(string name, string? value) => this with { Parameters = Parameters.With(name, value) };

    public override string ToString()
    {
        var builder = new StringBuilder(64);
        AppendTo(builder);
        return builder.ToString();
    }

    public void AppendTo(StringBuilder builder)
    {
        builder.Append(Scheme).Append(':');
        if (Opaque is not null)
        {
            builder.Append(Opaque);
            return;
        }

        if (User is not null)
        {
            builder.Append(User);
            if (Password is not null)
            {
                builder.Append(':').Append(Password);
            }

            builder.Append('@');
        }

        builder.Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port);
        }

        Parameters.AppendTo(builder);
        if (Headers is not null)
        {
            builder.Append('?').Append(Headers);
        }
    }
}
