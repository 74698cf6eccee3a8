using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using static CallCenter.Sip.Tests.Dialogs.DialogFixtures;
using static CallCenter.Sip.Tests.SipText;

namespace CallCenter.Sip.Tests.Dialogs;

public class UasDialogSpec
{
    [Fact]
    public void Invite_response_should_carry_our_tag_contact_and_every_record_route_in_order()
    {
        var invite = CustomerInvite();

        var ringing = DialogResponses.ForInvite(invite, 180, OurTagTowardsCustomer, OurContact);

        Assert.Equal(180, ringing.StatusCode);
        Assert.Equal(OurTagTowardsCustomer, ringing.To!.Tag);
        Assert.Equal(OurContact, Assert.Single(ringing.Contacts).Uri);
        Assert.Equal(["<sip:proxy2.example.net;lr>", "<sip:proxy1.example.com;lr>"], ringing.Headers.Values(SipHeaderNames.RecordRoute));
        Assert.Equal(invite.Vias, ringing.Vias);
        Assert.Equal(invite.CSeq, ringing.CSeq);
    }

    [Fact]
    public void Failure_response_to_invite_should_have_no_contact_or_record_route()
    {
        var busy = DialogResponses.ForInvite(CustomerInvite(), 486, OurTagTowardsCustomer, OurContact);

        Assert.Empty(busy.Contacts);
        Assert.Empty(busy.RecordRoutes);
        Assert.Equal(OurTagTowardsCustomer, busy.To!.Tag);
    }

    [Fact]
    public void Uas_dialog_should_take_route_set_in_order_and_target_and_cseq_from_the_invite()
    {
        var invite = CustomerInvite();
        var ringing = DialogResponses.ForInvite(invite, 180, OurTagTowardsCustomer, OurContact);

        Assert.True(SipDialog.TryCreateAsUas(invite, ringing, out var dialog, out var error));

        Assert.Equal(DialogError.None, error);
        Assert.Equal(new DialogId(CustomerCallId, OurTagTowardsCustomer, CustomerTag), dialog.Id);
        Assert.Equal(DialogRole.Uas, dialog.Role);
        Assert.Equal(DialogState.Early, dialog.State);
        Assert.Equal(["sip:proxy2.example.net;lr", "sip:proxy1.example.com;lr"], dialog.RouteSet.Select(r => r.Uri.ToString()));
        Assert.Equal(SipUri.Parse("sip:alice@10.0.0.5:5060"), dialog.RemoteTarget);
        Assert.Equal(OurContact, dialog.LocalTarget);
        Assert.Equal(314159, dialog.RemoteSequence);
        Assert.Null(dialog.LocalSequence);
        Assert.Equal(314159, dialog.PendingIncomingInvite);
        Assert.Equal(SipUri.Parse("sip:support@cc.example"), dialog.LocalUri);
        Assert.Equal(SipUri.Parse("sip:alice@example.com"), dialog.RemoteUri);
        Assert.Equal("Alice Caller", dialog.RemoteParty.DisplayName);
        Assert.Null(dialog.RemoteParty.Tag);
        Assert.False(dialog.IsSecure);
    }

    [Fact]
    public void Uas_dialog_should_be_confirmed_by_our_2xx_and_ended_by_a_failure()
    {
        var invite = CustomerInvite();
        Assert.True(SipDialog.TryCreateAsUas(
            invite, DialogResponses.ForInvite(invite, 183, OurTagTowardsCustomer, OurContact), out var early, out _));

        var ok = early.CreateResponse(invite, 200);
        var confirmed = early.ApplySentResponse(invite, ok);
        var failed = early.ApplySentResponse(invite, early.CreateResponse(invite, 480));

        Assert.Equal(OurTagTowardsCustomer, ok.To!.Tag);
        Assert.Equal(2, ok.RecordRoutes.Count);
        Assert.Equal(OurContact, Assert.Single(ok.Contacts).Uri);
        Assert.Equal(DialogState.Confirmed, confirmed.State);
        Assert.Null(confirmed.PendingIncomingInvite);
        Assert.Equal(DialogState.Terminated, failed.State);
    }

    [Fact]
    public void Uas_dialog_created_from_a_2xx_should_be_confirmed_with_no_invite_pending()
    {
        var dialog = CustomerDialog();

        Assert.Equal(DialogState.Confirmed, dialog.State);
        Assert.False(dialog.HasInviteInProgress);
    }

    [Fact]
    public void Uas_dialog_should_accept_an_rfc2543_peer_without_from_tag_as_an_empty_remote_tag()
    {
        var invite = CustomerInvite().WithHeaders(h => h.Set(SipHeaderNames.From, "<sip:alice@example.com>"));

        var dialog = CustomerDialog(invite);

        Assert.Equal("", dialog.RemoteTag);
        Assert.DoesNotContain("tag=", dialog.CreateBye(Us).Request.Request.Headers.First(SipHeaderNames.To));
    }

    [Fact]
    public void Uas_dialog_over_a_sips_request_uri_should_be_secure()
    {
        var invite = CustomerInvite().WithRequestUri(SipUri.Parse("sips:support@cc.example"));

        Assert.True(CustomerDialog(invite).IsSecure);
    }

    [Theory]
    [InlineData(100, DialogError.NotDialogCreatingStatus)]
    [InlineData(486, DialogError.NotDialogCreatingStatus)]
    [InlineData(302, DialogError.NotDialogCreatingStatus)]
    public void Uas_dialog_should_not_be_made_by_a_non_dialog_creating_status(int status, DialogError expected)
    {
        var invite = CustomerInvite();

        var created = SipDialog.TryCreateAsUas(
            invite, DialogResponses.ForInvite(invite, status, OurTagTowardsCustomer, OurContact), out var dialog, out var error);

        Assert.False(created);
        Assert.Null(dialog);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Uas_dialog_should_report_an_invite_without_contact()
    {
        var invite = CustomerInvite().WithHeaders(h => h.Remove(SipHeaderNames.Contact));

        var created = SipDialog.TryCreateAsUas(
            invite, DialogResponses.ForInvite(invite, 200, OurTagTowardsCustomer, OurContact), out _, out var error);

        Assert.False(created);
        Assert.Equal(DialogError.MissingContact, error);
    }

    [Fact]
    public void Uas_dialog_should_report_a_response_to_another_request()
    {
        var invite = CustomerInvite();
        var other = invite.WithHeaders(h => h.Set(SipHeaderNames.CallId, "other@host"));

        var created = SipDialog.TryCreateAsUas(
            invite, DialogResponses.ForInvite(other, 200, OurTagTowardsCustomer, OurContact), out _, out var error);

        Assert.False(created);
        Assert.Equal(DialogError.ResponseDoesNotMatchRequest, error);
    }

    [Fact]
    public void Uas_dialog_should_only_be_made_by_an_invite()
    {
        var options = ParseRequest(CustomerInviteText.Replace("INVITE", "OPTIONS", StringComparison.Ordinal));

        var created = SipDialog.TryCreateAsUas(
            options, DialogResponses.ForInvite(options, 200, OurTagTowardsCustomer, OurContact), out _, out var error);

        Assert.False(created);
        Assert.Equal(DialogError.NotAnInvite, error);
    }
}
