using System.Net;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using static CallCenter.Sip.Tests.Transactions.TransactionFixtures;

namespace CallCenter.Sip.Tests.Transactions;

public class RequestBuildersSpec
{
    private static readonly SipRequest InviteRequest = Invite(routes: ["<sip:p1.example;lr>", "<sip:p2.example;lr>"]);

    [Fact]
    public void Cancel_should_copy_what_the_server_matches_on_from_the_invite()
    {
        var cancel = CancelBuilder.ForInvite(InviteRequest);

        Assert.Equal(SipMethods.Cancel, cancel.Method);
        Assert.Equal(InviteRequest.RequestUri, cancel.RequestUri);
        Assert.Equal(InviteRequest.TopVia, Assert.Single(cancel.Vias));
        Assert.Equal(InviteRequest.To, cancel.To);
        Assert.Equal(InviteRequest.From, cancel.From);
        Assert.Equal(InviteRequest.CallId, cancel.CallId);
        Assert.Equal(new CSeq(1, SipMethods.Cancel), cancel.CSeq);
        Assert.Equal(InviteRequest.Routes, cancel.Routes);
        Assert.Equal(70, cancel.MaxForwards);
    }

    [Fact]
    public void Ack_should_be_a_valid_request_on_the_wire()
    {
        var ack = AckBuilder.ForNonSuccessResponse(InviteRequest, Response(InviteRequest, 486));

        var reparsed = SipText.ParseRequest(ack.ToString());

        Assert.Equal(ack.ToString(), reparsed.ToString());
        Assert.Equal(0, reparsed.ContentLength);
    }

    [Fact]
    public void Response_destination_should_follow_rport_received_and_sent_by()
    {
        var source = new SipEndPoint(SipProtocol.Udp, IPEndPoint.Parse("203.0.113.9:61000"));
        var tcpSource = source with { Protocol = SipProtocol.Tcp };

        Assert.Equal(source, ResponseDestination.For(Request(SipMethods.Options, rport: true), source));
        Assert.Equal(
            new SipEndPoint(SipProtocol.Udp, IPEndPoint.Parse("203.0.113.9:5070")),
            ResponseDestination.For(Request(SipMethods.Options, sentBy: "phone.example:5070"), source));
        Assert.Equal(
            new SipEndPoint(SipProtocol.Udp, IPEndPoint.Parse("203.0.113.9:5060")),
            ResponseDestination.For(Request(SipMethods.Options, sentBy: "phone.example"), source));
        Assert.Equal(tcpSource, ResponseDestination.For(Request(SipMethods.Options, transport: "TCP"), tcpSource));
    }
}
