using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Serialization;
using CsCheck;
using static CallCenter.Sip.Tests.Dialogs.DialogFixtures;

namespace CallCenter.Sip.Tests.Dialogs;

public class InDialogRequestSpec
{
    [Fact]
    public void Bye_should_follow_the_route_set_in_order_to_the_remote_target()
    {
        var dialog = CustomerDialog();

        var (_, bye) = dialog.CreateBye(Us);
        var request = bye.Request;

        Assert.Equal(SipMethods.Bye, request.Method);
        Assert.Equal(SipUri.Parse("sip:alice@10.0.0.5:5060"), request.RequestUri);
        Assert.Equal(["<sip:proxy2.example.net;lr>", "<sip:proxy1.example.com;lr>"], RouteValues(request));
        Assert.Equal(SipUri.Parse("sip:proxy2.example.net;lr"), bye.NextHop);
        Assert.Equal(70, request.MaxForwards);
        Assert.Equal(CustomerCallId, request.CallId);
        Assert.Equal(OurTagTowardsCustomer, request.From!.Tag);
        Assert.Equal(SipUri.Parse("sip:support@cc.example"), request.From.Uri);
        Assert.Equal(CustomerTag, request.To!.Tag);
        Assert.Equal("Alice Caller", request.To.DisplayName);
        var via = Assert.Single(request.Vias);
        Assert.Equal("UDP", via.Transport);
        Assert.Equal("192.0.2.10:5060", via.SentBy);
        Assert.True(via.HasRfc3261Branch);
        Assert.Empty(request.Contacts);
    }

    [Fact]
    public void Request_without_route_set_should_go_straight_to_the_remote_target()
    {
        var (dialog, _) = AgentDialog();

        var (_, bye) = dialog.CreateBye(Us);

        Assert.Empty(RouteValues(bye.Request));
        Assert.Equal(dialog.RemoteTarget, bye.Request.RequestUri);
        Assert.Equal(dialog.RemoteTarget, bye.NextHop);
    }

    [Fact]
    public void Request_via_a_strict_router_should_put_it_in_the_request_uri_and_the_target_last_in_route()
    {
        var invite = CustomerInvite().WithHeaders(h => h
            .Remove(SipHeaderNames.RecordRoute)
            .Add(SipHeaderNames.RecordRoute, "<sip:strict.example.net>")
            .Add(SipHeaderNames.RecordRoute, "<sip:loose.example.com;lr>"));
        var dialog = CustomerDialog(invite);

        var (_, bye) = dialog.CreateBye(Us);

        Assert.Equal(SipUri.Parse("sip:strict.example.net"), bye.Request.RequestUri);
        Assert.Equal(["<sip:loose.example.com;lr>", "<sip:alice@10.0.0.5:5060>"], RouteValues(bye.Request));
        Assert.Equal(SipUri.Parse("sip:strict.example.net"), bye.NextHop);
    }

    [Fact]
    public void First_request_of_the_uas_should_start_local_cseq_and_each_new_request_add_one()
    {
        var dialog = CustomerDialog();

        var (afterInfo, info) = dialog.CreateInfo(Us, "application/dtmf-relay", "Signal=1\r\nDuration=100\r\n");
        var (afterReInvite, reInvite) = afterInfo.CreateReInvite(Us, "v=0\r\n");
        var (_, bye) = afterReInvite.CreateBye(Us);

        Assert.Equal(new CSeq(1, SipMethods.Info), info.Request.CSeq);
        Assert.Equal(new CSeq(2, SipMethods.Invite), reInvite.Request.CSeq);
        Assert.Equal(new CSeq(3, SipMethods.Bye), bye.Request.CSeq);
        Assert.Equal(314159, afterReInvite.RemoteSequence);
    }

    [Fact]
    public void Reinvite_should_carry_sdp_and_our_contact_and_be_pending()
    {
        var dialog = CustomerDialog();
        const string Sdp = "v=0\r\no=cc 1 2 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=sendonly\r\n";

        var (pending, reInvite) = dialog.CreateReInvite(Us, Sdp);

        Assert.Equal("application/sdp", reInvite.Request.ContentType);
        Assert.Equal(Sdp, reInvite.Request.BodyText);
        Assert.Equal(OurContact, Assert.Single(reInvite.Request.Contacts).Uri);
        Assert.True(pending.HasInviteInProgress);
        Assert.Equal(reInvite.Request.CSeq!.Value.Number, pending.PendingOutgoingInvite);
    }

    [Fact]
    public void Info_should_carry_its_body_and_content_type()
    {
        var (_, info) = CustomerDialog().CreateInfo(Us, "application/dtmf-relay", "Signal=5\r\nDuration=160\r\n");

        Assert.Equal("application/dtmf-relay", info.Request.ContentType);
        Assert.Equal("Signal=5\r\nDuration=160\r\n", info.Request.BodyText);
    }

    [Fact]
    public void Sending_bye_should_end_the_dialog_and_forbid_further_requests()
    {
        var (ended, _) = CustomerDialog().CreateBye(Us);

        Assert.Equal(DialogState.Terminated, ended.State);
        Assert.Throws<InvalidOperationException>(() => ended.CreateInfo(Us, "text/plain", "x"));
    }

    [Theory]
    [InlineData(SipMethods.Ack)]
    [InlineData(SipMethods.Cancel)]
    public void Create_request_should_refuse_methods_that_reuse_a_cseq(string method)
    {
        Assert.Throws<ArgumentException>(() => CustomerDialog().CreateRequest(method, Us));
    }

    [Fact]
    public void Built_requests_should_survive_serialization_and_parsing()
    {
        var (_, reInvite) = CustomerDialog().CreateReInvite(Us, "v=0\r\n");

        Assert.True(SipParser.TryParse(SipSerializer.Serialize(reInvite.Request), out var parsed, out var error), error?.ToString());
        var request = Assert.IsType<SipRequest>(parsed);
        Assert.Equal(reInvite.Request.RequestUri, request.RequestUri);
        Assert.Equal(reInvite.Request.Routes, request.Routes);
        Assert.Equal(reInvite.Request.From, request.From);
        Assert.Equal(reInvite.Request.To, request.To);
        Assert.Equal(reInvite.Request.CSeq, request.CSeq);
        Assert.Equal(reInvite.Request.TopVia, request.TopVia);
        Assert.Equal("v=0\r\n", request.BodyText);
    }

    [Fact]
    public void Requests_of_one_leg_should_carry_nothing_of_the_other_leg()
    {
        var customerInvite = CustomerInvite();
        var customerLeg = CustomerDialog(customerInvite);
        var (agentLeg, agentInvite) = AgentDialog();

        var requests = new[]
        {
            agentLeg.CreateBye(Us).Request.Request,
            agentLeg.CreateReInvite(Us, "v=0\r\n").Request.Request,
            agentLeg.CreateAck(agentInvite, Us).Request.Request,
        };

        var allowed = new[]
        {
            SipHeaderNames.Via, SipHeaderNames.MaxForwards, SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId,
            SipHeaderNames.CSeq, SipHeaderNames.Contact, SipHeaderNames.ContentType,
        };
        var customerValues = new[]
        {
            customerLeg.CallId, customerLeg.RemoteTag, customerLeg.LocalTag, "z9hG4bK776asdhds", "z9hG4bKp1aa", "proxy1",
            "proxy2", "customer-only", "Customer Phone", "alice",
        };
        foreach (var request in requests)
        {
            Assert.All(request.Headers, header =>
            {
                Assert.Contains(header.Name, allowed);
                Assert.All(customerValues, value => Assert.DoesNotContain(value, header.Value, StringComparison.Ordinal));
            });
        }
    }

    [Fact]
    public void Every_new_request_should_add_one_to_cseq_and_ack_should_reuse_its_invite_cseq_with_a_new_branch()
    {
        var methods = Gen.OneOf(SipMethods.Info, SipMethods.Invite, SipMethods.Update, SipMethods.Options, SipMethods.Message, SipMethods.Ack);

        methods.List[1, 40].Sample(sequence =>
        {
            var (dialog, initialInvite) = AgentDialog();
            var lastInvite = initialInvite;
            var expected = dialog.LocalSequence!.Value;
            var branches = new HashSet<string> { initialInvite.TopVia!.Branch! };
            foreach (var method in sequence)
            {
                OutgoingRequest sent;
                if (method == SipMethods.Ack)
                {
                    (dialog, sent) = dialog.CreateAck(lastInvite, Us);
                    Assert.Equal(new CSeq(lastInvite.CSeq!.Value.Number, SipMethods.Ack), sent.Request.CSeq);
                }
                else
                {
                    (dialog, sent) = dialog.CreateRequest(method, Us);
                    expected++;
                    Assert.Equal(new CSeq(expected, method), sent.Request.CSeq);
                    lastInvite = method == SipMethods.Invite ? sent.Request : lastInvite;
                }

                Assert.Equal(expected, dialog.LocalSequence);
                Assert.True(branches.Add(sent.Request.TopVia!.Branch!), "a branch was reused");
                Assert.Equal(initialInvite.CallId, sent.Request.CallId);
                Assert.Equal(dialog.LocalTag, sent.Request.From!.Tag);
                Assert.Equal(dialog.RemoteTag, sent.Request.To!.Tag);
            }
        });
    }
}
