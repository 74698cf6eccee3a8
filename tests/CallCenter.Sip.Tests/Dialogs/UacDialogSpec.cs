using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Serialization;
using static CallCenter.Sip.Tests.Dialogs.DialogFixtures;

namespace CallCenter.Sip.Tests.Dialogs;

public class UacDialogSpec
{
    [Fact]
    public void Initial_invite_should_start_a_fresh_dialog_towards_the_registered_contact()
    {
        var outgoing = AgentInvite("v=0\r\n");
        var invite = outgoing.Request;

        Assert.Equal(SipMethods.Invite, invite.Method);
        Assert.Equal(SipUri.Parse("sip:agent7@10.1.1.7:5062"), invite.RequestUri);
        Assert.Equal(invite.RequestUri, outgoing.NextHop);
        Assert.Equal(new CSeq(1, SipMethods.Invite), invite.CSeq);
        Assert.Equal(70, invite.MaxForwards);
        Assert.NotNull(invite.From!.Tag);
        Assert.Null(invite.To!.Tag);
        Assert.Equal(SipUri.Parse("sip:agent7@cc.example"), invite.To.Uri);
        Assert.EndsWith("@192.0.2.10", invite.CallId, StringComparison.Ordinal);
        var via = Assert.Single(invite.Vias);
        Assert.True(via.HasRfc3261Branch);
        Assert.Equal("192.0.2.10:5060", via.SentBy);
        Assert.Equal(OurContact, Assert.Single(invite.Contacts).Uri);
        Assert.Equal("application/sdp", invite.ContentType);
        Assert.Equal("v=0\r\n", invite.BodyText);
        Assert.True(SipParser.TryParse(SipSerializer.Serialize(invite), out var reparsed, out var error), error?.ToString());
        Assert.Equal(invite.CallId, reparsed.CallId);
    }

    [Fact]
    public void Initial_invites_should_never_share_call_id_tag_or_branch()
    {
        var first = AgentInvite().Request;
        var second = AgentInvite().Request;

        Assert.NotEqual(first.CallId, second.CallId);
        Assert.NotEqual(first.From!.Tag, second.From!.Tag);
        Assert.NotEqual(first.TopVia!.Branch, second.TopVia!.Branch);
    }

    [Fact]
    public void Initial_invite_through_an_outbound_proxy_should_go_to_the_proxy()
    {
        var proxy = new NameAddress(SipUri.Parse("sip:outbound.example.net;lr"));

        var outgoing = InitialInvite.Create(
            new NameAddress(SipUri.Parse("sip:support@cc.example")), new NameAddress(SipUri.Parse("sip:bob@example.org")),
            OurContact, Us, preloadedRoute: [proxy]);

        Assert.Equal(SipUri.Parse("sip:bob@example.org"), outgoing.Request.RequestUri);
        Assert.Equal(["<sip:outbound.example.net;lr>"], RouteValues(outgoing.Request));
        Assert.Equal(proxy.Uri, outgoing.NextHop);
    }

    [Fact]
    public void Uac_dialog_should_reverse_record_route_and_target_the_response_contact()
    {
        var invite = AgentInvite().Request;
        var ringing = AgentAnswer(invite, 180, recordRoutes: ["<sip:p2.example.net;lr>", "<sip:p1.example.com;lr>"]);

        Assert.True(SipDialog.TryCreateAsUac(invite, ringing, out var dialog, out var error));

        Assert.Equal(DialogError.None, error);
        Assert.Equal(new DialogId(invite.CallId!, invite.From!.Tag!, "agent-tag"), dialog.Id);
        Assert.Equal(DialogRole.Uac, dialog.Role);
        Assert.Equal(DialogState.Early, dialog.State);
        Assert.Equal(["sip:p1.example.com;lr", "sip:p2.example.net;lr"], dialog.RouteSet.Select(r => r.Uri.ToString()));
        Assert.Equal(SipUri.Parse("sip:agent7@10.1.1.7:5062"), dialog.RemoteTarget);
        Assert.Equal(OurContact, dialog.LocalTarget);
        Assert.Equal(1, dialog.LocalSequence);
        Assert.Null(dialog.RemoteSequence);
        Assert.Equal(1, dialog.PendingOutgoingInvite);
        Assert.Equal(SipUri.Parse("sip:agent7@cc.example"), dialog.RemoteUri);
        Assert.Equal("Call Center", dialog.LocalParty.DisplayName);
    }

    [Fact]
    public void Uac_dialog_should_not_be_made_by_a_provisional_without_to_tag()
    {
        var invite = AgentInvite().Request;
        var trying = SipResponse.For(invite, 180);

        Assert.False(SipDialog.TryCreateAsUac(invite, trying, out var dialog, out var error));
        Assert.Null(dialog);
        Assert.Equal(DialogError.MissingToTag, error);
    }

    [Fact]
    public void Uac_dialog_should_not_be_made_by_100_trying_or_a_failure()
    {
        var invite = AgentInvite().Request;

        Assert.False(SipDialog.TryCreateAsUac(invite, SipResponse.For(invite, 100), out _, out var trying));
        Assert.False(SipDialog.TryCreateAsUac(invite, AgentAnswer(invite, 603), out _, out var declined));

        Assert.Equal(DialogError.NotDialogCreatingStatus, trying);
        Assert.Equal(DialogError.NotDialogCreatingStatus, declined);
    }

    [Fact]
    public void Uac_early_dialog_should_be_confirmed_by_the_2xx_with_route_set_and_target_from_it()
    {
        var invite = AgentInvite().Request;
        Assert.True(SipDialog.TryCreateAsUac(
            invite, AgentAnswer(invite, 180, recordRoutes: ["<sip:p1.example.com;lr>"]), out var early, out _));

        var (confirmed, resend) = early.ReceiveResponse(
            AgentAnswer(invite, 200, contact: "sip:agent7@10.1.1.8:5062", recordRoutes: ["<sip:p9.example.com;lr>"]));

        Assert.Null(resend);
        Assert.Equal(DialogState.Confirmed, confirmed.State);
        Assert.Equal(["sip:p9.example.com;lr"], confirmed.RouteSet.Select(r => r.Uri.ToString()));
        Assert.Equal(SipUri.Parse("sip:agent7@10.1.1.8:5062"), confirmed.RemoteTarget);
        Assert.Null(confirmed.PendingOutgoingInvite);
    }

    [Fact]
    public void Uac_early_dialog_should_end_on_a_failure_to_the_invite()
    {
        var invite = AgentInvite().Request;
        Assert.True(SipDialog.TryCreateAsUac(invite, AgentAnswer(invite, 180), out var early, out _));

        var (after, _) = early.ReceiveResponse(AgentAnswer(invite, 486));

        Assert.Equal(DialogState.Terminated, after.State);
    }

    [Fact]
    public void Ack_for_the_2xx_should_keep_the_invite_cseq_number_and_use_a_new_branch()
    {
        var (dialog, invite) = AgentDialog("<sip:p2.example.net;lr>", "<sip:p1.example.com;lr>");

        var (afterAck, ack) = dialog.CreateAck(invite, Us);

        Assert.Equal(SipMethods.Ack, ack.Request.Method);
        Assert.Equal(new CSeq(1, SipMethods.Ack), ack.Request.CSeq);
        Assert.NotEqual(invite.TopVia!.Branch, ack.Request.TopVia!.Branch);
        Assert.True(ack.Request.TopVia.HasRfc3261Branch);
        Assert.Equal(dialog.RemoteTarget, ack.Request.RequestUri);
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.net;lr>"], RouteValues(ack.Request));
        Assert.Equal(SipUri.Parse("sip:p1.example.com;lr"), ack.NextHop);
        Assert.Equal("agent-tag", ack.Request.To!.Tag);
        Assert.Equal(invite.From!.Tag, ack.Request.From!.Tag);
        Assert.Equal(1, afterAck.LocalSequence);
        Assert.Equal(new CSeq(2, SipMethods.Bye), afterAck.CreateBye(Us).Request.Request.CSeq);
    }

    [Fact]
    public void Ack_should_carry_the_credentials_of_the_invite()
    {
        var (dialog, invite) = AgentDialog();
        var authorized = invite.WithHeaders(h => h.Add(SipHeaderNames.ProxyAuthorization, "Digest username=\"cc\", nonce=\"n1\""));

        var (_, ack) = dialog.CreateAck(authorized, Us);

        Assert.Equal("Digest username=\"cc\", nonce=\"n1\"", ack.Request.Headers.First(SipHeaderNames.ProxyAuthorization));
    }

    [Fact]
    public void Retransmitted_2xx_should_be_answered_with_the_same_ack()
    {
        var (dialog, invite) = AgentDialog();
        var (acked, ack) = dialog.CreateAck(invite, Us);

        var (afterFirst, first) = acked.ReceiveResponse(AgentAnswer(invite, 200));
        var (_, second) = afterFirst.ReceiveResponse(AgentAnswer(invite, 200));

        Assert.Same(ack, first);
        Assert.Same(ack, second);
    }

    [Fact]
    public void Store_should_resend_the_ack_for_a_retransmitted_2xx_and_ignore_unknown_forks()
    {
        var (dialog, invite) = AgentDialog();
        var (acked, ack) = dialog.CreateAck(invite, Us);
        var store = new DialogStore();
        store.Put(acked);

        Assert.True(store.TryReceiveResponse(AgentAnswer(invite, 200), out _, out var resend));
        Assert.False(store.TryReceiveResponse(AgentAnswer(invite, 200, agentTag: "other-fork"), out _, out _));
        Assert.Same(ack, resend);
    }

    [Fact]
    public void Reinvite_2xx_should_refresh_the_remote_target_and_end_the_pending_invite()
    {
        var (dialog, _) = AgentDialog("<sip:p1.example.com;lr>");
        var (pending, reInvite) = dialog.CreateReInvite(Us, "v=0\r\no=cc 1 2 IN IP4 192.0.2.10\r\n");

        var ok = AgentAnswer(reInvite.Request, 200, contact: "sip:agent7@10.9.9.9:5070");
        var (refreshed, resend) = pending.ReceiveResponse(ok);

        Assert.Equal(2, pending.PendingOutgoingInvite);
        Assert.Null(resend);
        Assert.Null(refreshed.PendingOutgoingInvite);
        Assert.Equal(SipUri.Parse("sip:agent7@10.9.9.9:5070"), refreshed.RemoteTarget);
        Assert.Equal(dialog.RouteSet, refreshed.RouteSet);
        Assert.Equal(SipUri.Parse("sip:agent7@10.9.9.9:5070"), refreshed.CreateBye(Us).Request.Request.RequestUri);
    }

    [Fact]
    public void Failed_reinvite_should_keep_the_dialog_and_its_target()
    {
        var (dialog, _) = AgentDialog();
        var (pending, reInvite) = dialog.CreateReInvite(Us, "v=0\r\n");

        var (after, _) = pending.ReceiveResponse(AgentAnswer(reInvite.Request, 488, contact: "sip:elsewhere@10.9.9.9"));

        Assert.Equal(DialogState.Confirmed, after.State);
        Assert.Equal(dialog.RemoteTarget, after.RemoteTarget);
        Assert.Null(after.PendingOutgoingInvite);
    }

    [Theory]
    [InlineData(481)]
    [InlineData(408)]
    public void Response_481_or_408_to_an_in_dialog_request_should_end_the_dialog(int status)
    {
        var (dialog, _) = AgentDialog();
        var (sent, info) = dialog.CreateInfo(Us, "application/dtmf-relay", "Signal=5\r\nDuration=160\r\n");

        var (after, _) = sent.ReceiveResponse(SipResponse.For(info.Request, status));

        Assert.Equal(DialogState.Terminated, after.State);
    }

    [Fact]
    public void Request_timeout_should_end_the_dialog()
    {
        var (dialog, _) = AgentDialog();
        var (sent, reInvite) = dialog.CreateReInvite(Us, "v=0\r\n");

        var after = sent.RequestTimedOut(reInvite.Request.CSeq!.Value.Number);

        Assert.Equal(DialogState.Terminated, after.State);
        Assert.Null(after.PendingOutgoingInvite);
    }
}
