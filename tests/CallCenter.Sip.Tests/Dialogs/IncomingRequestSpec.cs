using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CsCheck;
using static CallCenter.Sip.Tests.Dialogs.DialogFixtures;

namespace CallCenter.Sip.Tests.Dialogs;

public class IncomingRequestSpec
{
    private static DialogStore StoreWith(SipDialog dialog, Random? random = null)
    {
        var store = new DialogStore(random);
        store.Put(dialog);
        return store;
    }

    [Fact]
    public void Store_should_find_the_dialog_by_call_id_our_to_tag_and_their_from_tag()
    {
        var dialog = CustomerDialog();
        var store = StoreWith(dialog);

        var outcome = store.Receive(FromCustomer(SipMethods.Options, 314160));

        Assert.Equal(InDialogVerdict.Accepted, outcome.Verdict);
        Assert.Equal(dialog.Id, outcome.Dialog!.Id);
        Assert.Null(outcome.Response);
        Assert.Equal(314160, outcome.Dialog.RemoteSequence);
        Assert.True(store.TryGet(dialog.Id, out var stored));
        Assert.Equal(314160, stored.RemoteSequence);
    }

    [Fact]
    public void Request_for_an_unknown_dialog_should_get_481()
    {
        var store = StoreWith(CustomerDialog());
        var stray = FromCustomer(SipMethods.Bye, 314160).WithHeaders(h => h.Set(SipHeaderNames.To, "<sip:support@cc.example>;tag=gone"));

        var outcome = store.Receive(stray);

        Assert.Equal(InDialogVerdict.Rejected, outcome.Verdict);
        Assert.Null(outcome.Dialog);
        Assert.Equal(481, outcome.Response!.StatusCode);
        Assert.Equal("gone", outcome.Response.To!.Tag);
        Assert.Equal(stray.CSeq, outcome.Response.CSeq);
    }

    [Fact]
    public void Ack_for_an_unknown_dialog_should_be_dropped_without_answer()
    {
        var outcome = new DialogStore().Receive(FromCustomer(SipMethods.Ack, 314159));

        Assert.Equal(InDialogVerdict.Dropped, outcome.Verdict);
        Assert.Null(outcome.Response);
    }

    [Fact]
    public void Request_without_to_tag_should_be_left_to_the_caller()
    {
        var outcome = StoreWith(CustomerDialog()).Receive(CustomerInvite());

        Assert.Equal(InDialogVerdict.NotInDialog, outcome.Verdict);
    }

    [Fact]
    public void Request_with_a_lower_cseq_should_get_500_and_leave_the_dialog_unchanged()
    {
        var store = StoreWith(CustomerDialog());
        Assert.True(store.Receive(FromCustomer(SipMethods.Info, 314170)).IsAccepted);

        var outcome = store.Receive(FromCustomer(SipMethods.Info, 314165));

        Assert.Equal(InDialogVerdict.Rejected, outcome.Verdict);
        Assert.Equal(500, outcome.Response!.StatusCode);
        Assert.Equal(314170, outcome.Dialog!.RemoteSequence);
    }

    [Fact]
    public void Any_request_below_the_highest_remote_cseq_seen_should_get_500()
    {
        // A narrow range makes equal and one-below numbers, the boundaries, frequent.
        Gen.Int[150, 170].Array[1, 20].Sample(numbers =>
        {
            var dialog = CustomerDialog();
            var highest = dialog.RemoteSequence!.Value;
            foreach (var offset in numbers)
            {
                var cseq = 314000 + offset;
                var outcome = dialog.Receive(FromCustomer(SipMethods.Info, cseq));
                Assert.Equal(cseq < highest ? 500 : 200, outcome.Response!.StatusCode);
                highest = Math.Max(highest, cseq);
                dialog = outcome.Dialog!;
                Assert.Equal(highest, dialog.RemoteSequence);
            }
        });
    }

    [Theory]
    [InlineData(314169, 500)]
    [InlineData(314170, 200)]
    [InlineData(314171, 200)]
    public void Request_one_below_the_remote_cseq_should_be_the_first_refused(long cseq, int expected)
    {
        var dialog = CustomerDialog().Receive(FromCustomer(SipMethods.Info, 314170)).Dialog!;

        var outcome = dialog.Receive(FromCustomer(SipMethods.Info, cseq));

        Assert.Equal(expected, outcome.Response!.StatusCode);
    }

    [Fact]
    public void Ack_and_cancel_should_pass_without_moving_the_remote_cseq()
    {
        var dialog = CustomerDialog();

        var ack = dialog.Receive(FromCustomer(SipMethods.Ack, 314159));
        var cancel = dialog.Receive(FromCustomer(SipMethods.Cancel, 314159));

        Assert.True(ack.IsAccepted);
        Assert.Null(ack.Response);
        Assert.True(cancel.IsAccepted);
        Assert.Equal(314159, ack.Dialog!.RemoteSequence);
    }

    [Fact]
    public void Reinvite_should_refresh_the_remote_target_and_become_pending()
    {
        var store = StoreWith(CustomerDialog());

        var outcome = store.Receive(FromCustomer(SipMethods.Invite, 314160, contact: "sip:alice@10.0.0.99:5070"));

        Assert.True(outcome.IsAccepted);
        Assert.Null(outcome.Response);
        var dialog = outcome.Dialog!;
        Assert.Equal(SipUri.Parse("sip:alice@10.0.0.99:5070"), dialog.RemoteTarget);
        Assert.Equal(314160, dialog.PendingIncomingInvite);
        Assert.Equal(SipUri.Parse("sip:alice@10.0.0.99:5070"), dialog.CreateBye(Us).Request.Request.RequestUri);
    }

    [Fact]
    public void Answer_to_a_reinvite_should_carry_our_tag_and_contact_but_no_record_route()
    {
        var reInvite = FromCustomer(SipMethods.Invite, 314160, contact: "sip:alice@10.0.0.5:5060");
        var dialog = CustomerDialog().Receive(reInvite).Dialog!;

        var ok = dialog.CreateResponse(reInvite, 200);
        var after = dialog.ApplySentResponse(reInvite, ok);

        Assert.Equal(OurTagTowardsCustomer, ok.To!.Tag);
        Assert.Equal(OurContact, Assert.Single(ok.Contacts).Uri);
        Assert.Empty(ok.RecordRoutes);
        Assert.False(after.HasInviteInProgress);
        Assert.Equal(DialogState.Confirmed, after.State);
    }

    [Fact]
    public void Reinvite_while_ours_is_pending_should_get_491()
    {
        var (pending, _) = CustomerDialog().CreateReInvite(Us, "v=0\r\n");
        var store = StoreWith(pending);

        var outcome = store.Receive(FromCustomer(SipMethods.Invite, 314160, contact: "sip:alice@10.0.0.99:5070"));

        Assert.Equal(InDialogVerdict.Rejected, outcome.Verdict);
        Assert.Equal(491, outcome.Response!.StatusCode);
        Assert.Equal(314160, outcome.Dialog!.RemoteSequence);
        Assert.Equal(SipUri.Parse("sip:alice@10.0.0.5:5060"), outcome.Dialog.RemoteTarget);
    }

    [Fact]
    public void Reinvite_after_our_pending_one_was_answered_should_be_accepted()
    {
        var (pending, reInvite) = CustomerDialog().CreateReInvite(Us, "v=0\r\n");
        var ok = SipResponse.For(reInvite.Request, 200).WithHeaders(h => h.Add(SipHeaderNames.Contact, "<sip:alice@10.0.0.5:5060>"));
        var (answered, _) = pending.ReceiveResponse(ok);

        var outcome = answered.Receive(FromCustomer(SipMethods.Invite, 314160));

        Assert.True(outcome.IsAccepted);
    }

    [Fact]
    public void Second_reinvite_before_we_answered_the_first_should_get_500_with_retry_after_up_to_10_seconds()
    {
        Gen.Int.Sample(seed =>
        {
            var store = StoreWith(CustomerDialog(), new Random(seed));
            Assert.True(store.Receive(FromCustomer(SipMethods.Invite, 314160)).IsAccepted);

            var outcome = store.Receive(FromCustomer(SipMethods.Invite, 314161));

            Assert.Equal(InDialogVerdict.Rejected, outcome.Verdict);
            Assert.Equal(500, outcome.Response!.StatusCode);
            var retryAfter = int.Parse(outcome.Response.Headers.First(SipHeaderNames.RetryAfter)!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 0, 10);
            Assert.Equal(314160, outcome.Dialog!.PendingIncomingInvite);
        }, iter: 200);
    }

    [Fact]
    public void Bye_should_be_answered_200_and_end_the_dialog()
    {
        var store = StoreWith(CustomerDialog());
        var bye = FromCustomer(SipMethods.Bye, 314160);

        var outcome = store.Receive(bye);

        Assert.True(outcome.IsAccepted);
        Assert.Equal(200, outcome.Response!.StatusCode);
        Assert.Equal(bye.CSeq, outcome.Response.CSeq);
        Assert.Equal(bye.Vias, outcome.Response.Vias);
        Assert.Equal(DialogState.Terminated, outcome.Dialog!.State);
        Assert.True(store.TryGet(outcome.Dialog.Id, out var stored));
        Assert.Equal(DialogState.Terminated, stored.State);
    }

    [Fact]
    public void Request_after_bye_should_get_481()
    {
        var store = StoreWith(CustomerDialog());
        store.Receive(FromCustomer(SipMethods.Bye, 314160));

        var outcome = store.Receive(FromCustomer(SipMethods.Info, 314161));

        Assert.Equal(481, outcome.Response!.StatusCode);
    }

    [Fact]
    public void Dtmf_info_should_be_answered_200_and_keep_the_dialog()
    {
        var info = FromCustomer(SipMethods.Info, 314160, extra: "Content-Type: application/dtmf-relay\n")
            .WithBody("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"u8.ToArray());

        var outcome = StoreWith(CustomerDialog()).Receive(info);

        Assert.True(outcome.IsAccepted);
        Assert.Equal(200, outcome.Response!.StatusCode);
        Assert.Equal(OurTagTowardsCustomer, outcome.Response.To!.Tag);
        Assert.Equal(DialogState.Confirmed, outcome.Dialog!.State);
    }

    [Fact]
    public void Request_whose_cseq_method_differs_should_get_400()
    {
        var broken = FromCustomer(SipMethods.Info, 314160).WithHeaders(h => h.Set(SipHeaderNames.CSeq, "314160 BYE"));

        var outcome = CustomerDialog().Receive(broken);

        Assert.Equal(400, outcome.Response!.StatusCode);
    }

    [Fact]
    public void Glare_retry_delay_should_favour_the_call_id_owner_as_section_14_1_says()
    {
        var uas = CustomerDialog();
        var (uac, _) = AgentDialog();

        Gen.Int.Sample(seed =>
        {
            var ownerDelay = uac.GlareRetryDelay(new Random(seed));
            var otherDelay = uas.GlareRetryDelay(new Random(seed));

            Assert.InRange(ownerDelay, TimeSpan.FromMilliseconds(2100), TimeSpan.FromSeconds(4));
            Assert.InRange(otherDelay, TimeSpan.Zero, TimeSpan.FromSeconds(2));
            Assert.Equal(0, ownerDelay.TotalMilliseconds % 10);
            Assert.Equal(0, otherDelay.TotalMilliseconds % 10);
        });
    }
}
