using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Transactions.TransactionFixtures;

namespace CallCenter.Sip.Tests.Transactions;

public class ServerCancelSpec
{
    private static readonly SipRequest InviteRequest = Invite(branch: "z9hG4bKinv");
    private static readonly SipRequest Cancel = CancelBuilder.ForInvite(InviteRequest);

    private static InviteServerTransaction Ist(params SipResponse[] answers)
    {
        Assert.True(TransactionKeys.TryForServer(InviteRequest, out var key));
        SipTransaction ist = InviteServerTransaction.Create(key, InviteRequest, PeerUdp, Timers).Next;
        foreach (var answer in answers)
        {
            ist = ist.Handle(new TransactionInput.ResponseFromTu(answer)).Next;
        }

        return Assert.IsType<InviteServerTransaction>(ist);
    }

    [Fact]
    public void Cancel_for_no_transaction_should_get_481()
    {
        var answer = ServerCancel.Answer(Cancel, null);

        Assert.Equal(481, answer.CancelResponse.StatusCode);
        Assert.NotNull(answer.CancelResponse.To!.Tag);
        Assert.Null(answer.InviteResponse);
    }

    [Fact]
    public void Cancel_for_a_pending_invite_should_get_200_and_the_invite_487_with_the_tag_already_used()
    {
        var answer = ServerCancel.Answer(Cancel, Ist(Response(InviteRequest, 180, toTag: "ringing-tag")));

        Assert.Equal(200, answer.CancelResponse.StatusCode);
        Assert.Equal(SipMethods.Cancel, answer.CancelResponse.CSeq!.Value.Method);
        Assert.Equal("ringing-tag", answer.CancelResponse.To!.Tag);
        Assert.Equal(487, answer.InviteResponse!.StatusCode);
        Assert.Equal(SipMethods.Invite, answer.InviteResponse.CSeq!.Value.Method);
        Assert.Equal("ringing-tag", answer.InviteResponse.To!.Tag);
    }

    [Fact]
    public void Cancel_before_any_tagged_response_should_use_one_fresh_tag_for_both_answers()
    {
        var answer = ServerCancel.Answer(Cancel, Ist(), freshTag: "fresh");

        Assert.Equal("fresh", answer.CancelResponse.To!.Tag);
        Assert.Equal("fresh", answer.InviteResponse!.To!.Tag);
    }

    [Fact]
    public void Cancel_after_the_final_response_should_get_200_and_change_nothing()
    {
        var answer = ServerCancel.Answer(Cancel, Ist(Response(InviteRequest, 200, toTag: "answered")));

        Assert.Equal(200, answer.CancelResponse.StatusCode);
        Assert.Equal("answered", answer.CancelResponse.To!.Tag);
        Assert.Null(answer.InviteResponse);
    }
}
