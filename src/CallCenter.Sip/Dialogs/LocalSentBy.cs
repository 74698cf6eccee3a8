using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Dialogs;

/// <summary>Our Via sent-by for a request: the transport token and the host and port we listen on (§18.1.1).</summary>
public sealed record LocalSentBy(string Transport, string Host, int? Port)
{
    /// <summary>A top Via with a fresh branch; rport asks the next hop to answer where the packet came from (RFC 3581).</summary>
    public Via NewVia() => Via.Create(Transport, Host, Port, SipTokens.NewBranch());
}
