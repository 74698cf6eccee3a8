using System.Runtime.CompilerServices;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;
using static CallCenter.Sip.Tests.Transactions.TransactionFixtures;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>
/// A transaction that has its final response only waits (timers D, I, J, K, L, M: up to 32 s over UDP). It must keep
/// what the wait needs (key, peer, To tags, the encoded final response or ACK) and let the parsed request and
/// responses go, or a node at hundreds of calls per second fills its old generation with them. The machines are
/// driven by hand here, not through <see cref="MachineDriver"/>, whose log would keep every message alive.
/// </summary>
public class LingeringTransactionSpec
{
    [Fact]
    public void IST_should_let_the_invite_and_its_final_response_go_in_Completed_and_still_resend_the_response()
    {
        var (ist, invite, response, expected) = IstAnswered(486);

        AssertCollected(invite, response);
        Assert.Equal(InviteServerState.Completed, ((InviteServerTransaction)ist).State);
        Wire.AssertResends(expected, PeerUdp, Act(ist, new TransactionInput.RequestFromWire(Invite())));
        var retransmit = ist.Handle(new TransactionInput.TimerFired(TransactionTimer.G));
        Assert.Contains(retransmit.Actions, a => a is TransactionAction.Resend r && r.Message.Bytes.Span.SequenceEqual(Serialize(expected)));
    }

    [Fact]
    public void IST_should_absorb_acks_in_Confirmed_without_the_invite()
    {
        var (ist, invite, response, expected) = IstAnswered(486);
        var confirmed = ist.Handle(new TransactionInput.RequestFromWire(AckFor(Invite(), (SipResponse)expected))).Next;

        AssertCollected(invite, response);
        Assert.Equal(InviteServerState.Confirmed, ((InviteServerTransaction)confirmed).State);
        Assert.Empty(Act(confirmed, new TransactionInput.RequestFromWire(AckFor(Invite(), (SipResponse)expected))));
        Assert.Empty(Act(confirmed, new TransactionInput.RequestFromWire(Invite())));
        Assert.Equal([TransactionAction.Terminated.Instance], Act(confirmed, new TransactionInput.TimerFired(TransactionTimer.I)));
    }

    [Fact]
    public void IST_should_let_the_invite_go_in_Accepted_and_still_pass_the_ack_for_its_2xx_up()
    {
        var (ist, invite, response, expected) = IstAnswered(200);

        AssertCollected(invite, response);
        Assert.Equal(InviteServerState.Accepted, ((InviteServerTransaction)ist).State);
        Assert.Equal("uas-tag", ((ServerTransaction)ist).ResponseToTag);
        Assert.Empty(Act(ist, new TransactionInput.RequestFromWire(Invite())));
        var ack = Request(SipMethods.Ack, toTag: "uas-tag");
        Assert.Equal([new TransactionAction.PassToTu(ack)], Act(ist, new TransactionInput.RequestFromWire(ack)));
        Assert.Equal([new TransactionAction.Send(expected, PeerUdp)], Act(ist, new TransactionInput.ResponseFromTu((SipResponse)expected)));
    }

    [Fact]
    public void NIST_should_let_the_request_and_its_final_response_go_in_Completed_and_still_resend_the_response()
    {
        var (nist, request, response, expected) = NistAnswered();

        AssertCollected(request, response);
        Assert.Equal(NonInviteServerState.Completed, ((NonInviteServerTransaction)nist).State);
        Wire.AssertResends(expected, PeerUdp, Act(nist, new TransactionInput.RequestFromWire(Request(SipMethods.Bye))));
        Assert.Equal([TransactionAction.Terminated.Instance], Act(nist, new TransactionInput.TimerFired(TransactionTimer.J)));
    }

    [Fact]
    public void ICT_should_let_the_invite_go_in_Completed_and_still_ack_every_retransmitted_final_response()
    {
        var (ict, invite, response) = IctFinal(486);

        AssertCollected(invite, response);
        Assert.Equal(InviteClientState.Completed, ((InviteClientTransaction)ict).State);
        var expectedAck = AckFor(Invite(routes: ["<sip:proxy.example;lr>"]), Response(Invite(), 486));
        Wire.AssertResends(expectedAck, PeerUdp, Act(ict, new TransactionInput.ResponseFromWire(Response(Invite(), 486))));
        Wire.AssertResends(expectedAck, PeerUdp, Act(ict, new TransactionInput.ResponseFromWire(Response(Invite(), 486))));
    }

    [Fact]
    public void ICT_should_let_the_invite_go_in_Accepted_and_still_pass_2xx_retransmissions_up()
    {
        var (ict, invite, response) = IctFinal(200);

        AssertCollected(invite, response);
        Assert.Equal(InviteClientState.Accepted, ((InviteClientTransaction)ict).State);
        var again = Response(Invite(), 200);
        Assert.Equal([new TransactionAction.PassToTu(again)], Act(ict, new TransactionInput.ResponseFromWire(again)));
    }

    [Fact]
    public void NICT_should_let_the_request_go_in_Completed_and_still_absorb_retransmitted_responses()
    {
        var (nict, request, response) = NictFinal();

        AssertCollected(request, response);
        Assert.Equal(NonInviteClientState.Completed, ((NonInviteClientTransaction)nict).State);
        Assert.Empty(Act(nict, new TransactionInput.ResponseFromWire(Response(Options(), 200))));
        Assert.Equal([TransactionAction.Terminated.Instance], Act(nict, new TransactionInput.TimerFired(TransactionTimer.K)));
    }

    [Fact]
    public void Layer_should_keep_neither_the_request_nor_its_response_while_timer_J_runs_and_still_resend_the_response()
    {
        var sender = new RecordingSender();
        var layer = new SipTransactionLayer(sender, new AnsweringUser(), new ManualTimerScheduler(), Timers);
        var (request, response) = ReceiveAndAnswer(layer);

        AssertCollected(request, response);
        Assert.Equal(1, layer.Count);
        layer.OnReceived(new ReceivedMessage(Request(SipMethods.Bye), PeerUdp, LocalUdp));
        Assert.Equal(2, sender.Responses.Count);
        Assert.Equal(sender.Responses[0], sender.Responses[1]);
    }

    private static List<TransactionAction> Act(SipTransaction machine, TransactionInput input) => [.. machine.Handle(input).Actions];

    private static byte[] Serialize(SipMessage message) => Serialization.SipSerializer.Serialize(message);

    /// <summary>Collects twice: nothing the transaction keeps may hold the parsed messages.</summary>
    private static void AssertCollected(WeakReference request, WeakReference response)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(request.IsAlive, "the lingering transaction still holds the request");
        Assert.False(response.IsAlive, "the lingering transaction still holds the parsed response");
    }

    // The helpers below create the messages in their own frames, so no local of the spec keeps them reachable.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (SipTransaction Machine, WeakReference Request, WeakReference Response, SipMessage Expected) IstAnswered(int status)
    {
        var invite = Invite();
        var step = InviteServerTransaction.Create(new ServerTransactionKey("z9hG4bKclient1", "10.0.0.5:5060", SipMethods.Invite), invite, PeerUdp, Timers);
        var response = Response(invite, status);
        var answered = step.Next.Handle(new TransactionInput.ResponseFromTu(response)).Next;
        return (answered, new WeakReference(invite), new WeakReference(response), Response(Invite(), status));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (SipTransaction Machine, WeakReference Request, WeakReference Response, SipMessage Expected) NistAnswered()
    {
        var bye = Request(SipMethods.Bye);
        var step = NonInviteServerTransaction.Create(new ServerTransactionKey("z9hG4bKclient1", "10.0.0.5:5060", SipMethods.Bye), bye, PeerUdp, Timers);
        var response = Response(bye, 200);
        var answered = step.Next.Handle(new TransactionInput.ResponseFromTu(response)).Next;
        return (answered, new WeakReference(bye), new WeakReference(response), Response(Request(SipMethods.Bye), 200));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (SipTransaction Machine, WeakReference Request, WeakReference Response) IctFinal(int status)
    {
        var invite = Invite(routes: ["<sip:proxy.example;lr>"]);
        var step = InviteClientTransaction.Start(invite, PeerUdp, Timers);
        var response = Response(invite, status);
        var final = step.Next.Handle(new TransactionInput.ResponseFromWire(response)).Next;
        return (final, new WeakReference(invite), new WeakReference(response));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (SipTransaction Machine, WeakReference Request, WeakReference Response) NictFinal()
    {
        var options = Options();
        var step = NonInviteClientTransaction.Start(options, PeerUdp, Timers);
        var response = Response(options, 200);
        var final = step.Next.Handle(new TransactionInput.ResponseFromWire(response)).Next;
        return (final, new WeakReference(options), new WeakReference(response));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Request, WeakReference Response) ReceiveAndAnswer(SipTransactionLayer layer)
    {
        var bye = Request(SipMethods.Bye);
        layer.OnReceived(new ReceivedMessage(bye, PeerUdp, LocalUdp));
        Assert.True(TransactionKeys.TryForServer(bye, out var key));
        var response = Response(bye, 200);
        Assert.True(layer.SendResponse(key, response));
        return (new WeakReference(bye), new WeakReference(response));
    }

    /// <summary>A TU that keeps nothing it is given (the spec answers through the layer itself).</summary>
    private sealed class AnsweringUser : ISipTransactionUser
    {
        public void OnRequest(IncomingRequest request)
        {
        }

        public void OnResponse(ClientTransactionKey transaction, SipResponse response)
        {
        }

        public void OnTimeout(TransactionKey transaction, TransactionTimer timer)
        {
        }

        public void OnTransportError(TransactionKey transaction)
        {
        }

        public void OnCancelled(TransactionKey invite, SipRequest cancel)
        {
        }
    }
}
