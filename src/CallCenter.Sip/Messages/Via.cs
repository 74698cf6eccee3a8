using System.Text;
using CallCenter.Sip.Parsing;

namespace CallCenter.Sip.Messages;

/// <summary>One Via value (RFC 3261 §20.42, RFC 3581): transport, sent-by host and port, and parameters.</summary>
public sealed record Via(string Transport, string Host, int? Port, SipParameters Parameters)
{
    /// <summary>The magic cookie that marks an RFC 3261 branch (§8.1.1.7).</summary>
    public const string BranchCookie = "z9hG4bK";

    public string? Branch => Parameters["branch"];

    public string? Received => Parameters["received"];

    /// <summary>True when the client asked for rport (RFC 3581), with or without a value.</summary>
    public bool HasRPort => Parameters.Contains("rport");

    /// <summary>The rport value filled in by a server, or null.</summary>
    public int? RPort => int.TryParse(Parameters["rport"], out var port) ? port : null;

    public bool HasRfc3261Branch => Branch?.StartsWith(BranchCookie, StringComparison.Ordinal) == true;

    /// <summary>host[:port] as written, the sent-by used to match transactions (§17.2.3).</summary>
    public string SentBy => Port is { } port ? $"{Host}:{port}" : Host;

    public static Via Create(string transport, string host, int? port, string branch, bool rport = true)
    {
        var parameters = SipParameters.Empty.With("branch", branch);
        return new Via(transport.ToUpperInvariant(), host, port, rport ? parameters.With("rport", null) : parameters);
    }

    public static bool TryParse(string text, out Via via) => HeaderValueParser.TryParseVia(text, out via);

    public Via WithParameter(string name, string? value) => this with { Parameters = Parameters.With(name, value) };

    public override string ToString()
    {
        var builder = new StringBuilder(96).Append("SIP/2.0/").Append(Transport).Append(' ').Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port);
        }

        Parameters.AppendTo(builder);
        return builder.ToString();
    }
}
