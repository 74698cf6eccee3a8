using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Transactions.TransactionFixtures;

namespace CallCenter.Sip.Tests.Transactions;

public class TransactionKeysSpec
{
    private static TransactionKey ServerKey(SipRequest request)
    {
        Assert.True(TransactionKeys.TryForServer(request, out var key));
        return key;
    }

    [Fact]
    public void Server_key_should_be_branch_sent_by_and_method()
    {
        var key = ServerKey(Invite(branch: "z9hG4bKabc"));

        Assert.Equal(new ServerTransactionKey("z9hG4bKabc", "10.0.0.5:5060", SipMethods.Invite), key);
    }

    [Fact]
    public void Server_key_of_an_ack_should_be_the_key_of_its_invite_while_cancel_gets_its_own()
    {
        var invite = ServerKey(Request(SipMethods.Invite, branch: "z9hG4bKabc"));

        var ack = ServerKey(Request(SipMethods.Ack, branch: "z9hG4bKabc", toTag: "uas-tag"));
        var cancel = ServerKey(Request(SipMethods.Cancel, branch: "z9hG4bKabc"));

        Assert.Equal(invite, ack);
        Assert.NotEqual(invite, cancel);
        Assert.True(TransactionKeys.TryForCancelTarget(Request(SipMethods.Cancel, branch: "z9hG4bKabc"), out var target));
        Assert.Equal(invite, target);
    }

    [Fact]
    public void Server_key_should_tell_apart_requests_whose_branch_matches_but_sent_by_differs()
    {
        var a = ServerKey(Request(SipMethods.Options, branch: "z9hG4bKsame", sentBy: "10.0.0.5:5060"));
        var b = ServerKey(Request(SipMethods.Options, branch: "z9hG4bKsame", sentBy: "10.0.0.6:5060"));
        var c = ServerKey(Request(SipMethods.Options, branch: "z9hG4bKsame", sentBy: "PC.Example.com"));
        var d = ServerKey(Request(SipMethods.Options, branch: "z9hG4bKsame", sentBy: "pc.example.com"));

        Assert.NotEqual(a, b);
        Assert.Equal(c, d);
    }

    [Fact]
    public void Server_key_should_fall_back_to_rfc_2543_fields_without_the_cookie()
    {
        var key = ServerKey(Request(SipMethods.Invite, branch: "1234", cseq: 7));

        var legacy = Assert.IsType<LegacyServerTransactionKey>(key);
        Assert.Equal(("sip:support@cc.example", "from-1", "call-1@10.0.0.5", 7L, SipMethods.Invite), (legacy.RequestUri, legacy.FromTag, legacy.CallId, legacy.CSeqNumber, legacy.Method));
        Assert.Equal(key, ServerKey(Request(SipMethods.Invite, branch: "1234", cseq: 7)));
        Assert.NotEqual(key, ServerKey(Request(SipMethods.Invite, branch: "1234", cseq: 8)));
        Assert.NotEqual(key, ServerKey(Request(SipMethods.Invite, branch: "1234", cseq: 7, fromTag: "other")));
        Assert.Equal(key, ServerKey(Request(SipMethods.Ack, branch: "1234", cseq: 7, toTag: "uas-tag")));
    }

    [Fact]
    public void Legacy_ack_should_match_only_with_the_to_tag_of_the_servers_response()
    {
        var invite = Request(SipMethods.Invite, branch: "1234");
        var key = ServerKey(invite);
        var ist = InviteServerTransaction.Create(key, invite, PeerUdp, Timers).Next;
        ist = ist.Handle(new TransactionInput.ResponseFromTu(Response(invite, 486, toTag: "ours"))).Next;

        Assert.True(TransactionKeys.LegacyToTagMatches(Request(SipMethods.Ack, branch: "1234", toTag: "ours"), ist));
        Assert.False(TransactionKeys.LegacyToTagMatches(Request(SipMethods.Ack, branch: "1234", toTag: "someone-else"), ist));
        Assert.True(TransactionKeys.LegacyToTagMatches(invite, ist));
        Assert.False(TransactionKeys.LegacyToTagMatches(Request(SipMethods.Invite, branch: "1234", toTag: "x"), ist));
    }

    [Fact]
    public void Client_key_should_match_the_response_by_branch_and_cseq_method()
    {
        var invite = Invite(branch: "z9hG4bKmine");
        Assert.True(TransactionKeys.TryForClient(invite, out var requestKey));

        Assert.True(TransactionKeys.TryForResponse(Response(invite, 180), out var responseKey));
        Assert.True(TransactionKeys.TryForResponse(Response(CancelBuilder.ForInvite(invite), 200), out var cancelKey));

        Assert.Equal(new ClientTransactionKey("z9hG4bKmine", SipMethods.Invite), requestKey);
        Assert.Equal(requestKey, responseKey);
        Assert.Equal(requestKey.ForCancel(), cancelKey);
    }

    [Fact]
    public void Keys_should_not_be_derived_from_messages_that_lack_a_via()
    {
        var noVia = new SipRequest(SipMethods.Options, SipUri.Sip("x", "cc.example"), new SipHeaders([new SipHeader("CSeq", "1 OPTIONS")]));
        var response = new SipResponse(200, "OK", new SipHeaders([new SipHeader("CSeq", "1 OPTIONS")]));

        Assert.False(TransactionKeys.TryForServer(noVia, out _));
        Assert.False(TransactionKeys.TryForClient(noVia, out _));
        Assert.False(TransactionKeys.TryForResponse(response, out _));
    }

    [Fact]
    public void Branch_should_carry_the_cookie_and_never_repeat()
    {
        var branches = Enumerable.Range(0, 1000).Select(_ => SipBranch.New()).ToList();

        Assert.All(branches, b => Assert.StartsWith(Via.BranchCookie, b, StringComparison.Ordinal));
        Assert.Equal(branches.Count, branches.Distinct().Count());
    }
}
