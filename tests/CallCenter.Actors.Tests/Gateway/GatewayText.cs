using System.Globalization;
using System.Net;
using System.Text;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Actors.Tests.Gateway;

/// <summary>SIP requests for the gateway specs, written as wire text (LF line ends, sent as CRLF).</summary>
internal static class GatewayText
{
    public static readonly SipEndPoint Phone = new(SipProtocol.Udp, new IPEndPoint(IPAddress.Parse("10.0.0.5"), 5062));
    public static readonly SipEndPoint Gateway = new(SipProtocol.Udp, new IPEndPoint(IPAddress.Parse("10.0.0.1"), 5060));

    public static SipRequest Parse(string text)
    {
        Assert.True(SipParser.TryParse(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n")), out var message, out var error), error?.ToString());
        return Assert.IsType<SipRequest>(message);
    }

    /// <summary>A REGISTER for <paramref name="user"/> sent from <see cref="Phone"/> (its Via says so, unless <paramref name="viaHost"/> differs).</summary>
    public static SipRequest Register(
        string user, int cseq = 1, string contact = "<sip:{0}@10.0.0.5:5062>", string? expires = "3600", string? authorization = null,
        string viaHost = "10.0.0.5:5062", string callId = "reg-1@10.0.0.5")
    {
        var lines = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"REGISTER sip:cc.example SIP/2.0\n")
            .Append(CultureInfo.InvariantCulture, $"Via: SIP/2.0/UDP {viaHost};branch=z9hG4bK-reg-{cseq};rport\n")
            .Append("Max-Forwards: 70\n")
            .Append(CultureInfo.InvariantCulture, $"From: <sip:{user}@cc.example>;tag=r{cseq}\n")
            .Append(CultureInfo.InvariantCulture, $"To: <sip:{user}@cc.example>\n")
            .Append(CultureInfo.InvariantCulture, $"Call-ID: {callId}\n")
            .Append(CultureInfo.InvariantCulture, $"CSeq: {cseq} REGISTER\n");
        if (contact.Length > 0)
        {
            lines.Append(CultureInfo.InvariantCulture, $"Contact: {string.Format(CultureInfo.InvariantCulture, contact, user)}\n");
        }

        if (expires is not null)
        {
            lines.Append(CultureInfo.InvariantCulture, $"Expires: {expires}\n");
        }

        if (authorization is not null)
        {
            lines.Append(CultureInfo.InvariantCulture, $"Authorization: {authorization}\n");
        }

        return Parse(lines.Append("Content-Length: 0\n\n").ToString());
    }

    public static IncomingRequest Incoming(SipRequest request, SipEndPoint? from = null)
    {
        Assert.True(TransactionKeys.TryForServer(request, out var key));
        return new IncomingRequest(request, key, from ?? Phone, Gateway);
    }
}
