using System.Net;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Sdp;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Interop;

/// <summary>
/// A UAC on this stack: INVITE with an SDP offer, ACK the 2xx (again for every retransmitted 2xx), then BYE —
/// what SIPp's built-in "uas" scenario expects of the caller.
/// </summary>
internal sealed class MinimalUac : LoopbackUserAgent
{
    private readonly SipEndPoint _target;
    private readonly Dictionary<ClientTransactionKey, SipRequest> _invites = [];
    private readonly Dictionary<DialogId, SipDialog> _dialogs = [];
    private readonly HashSet<ClientTransactionKey> _byes = [];
    private int _completed;

    public MinimalUac(IPEndPoint target) => _target = new SipEndPoint(SipProtocol.Udp, target);

    public int CompletedCalls => Volatile.Read(ref _completed);

    protected override string ContactUser => "uac";

    public void Call(string user)
    {
        var offer = SdpNegotiator.CreateOffer(Audio(7000 + Random.Shared.Next(500) * 2), Origin());
        var to = new NameAddress(SipUri.Sip(user, _target.Address.Address.ToString(), _target.Address.Port));
        var from = new NameAddress(SipUri.Sip("caller", "127.0.0.1", Local.Address.Port));
        var invite = InitialInvite.Create(from, to, Contact, SentBy, offer.ToString()).Request;
        lock (Gate)
        {
            _invites[Layer.SendRequest(invite, _target)] = invite;
        }
    }

    public override void OnRequest(IncomingRequest request)
    {
        if (!request.IsAck)
        {
            Layer.SendResponse(request.Transaction!, SipResponse.For(request.Request, 481));
        }
    }

    public override void OnResponse(ClientTransactionKey transaction, SipResponse response)
    {
        lock (Gate)
        {
            if (_byes.Contains(transaction))
            {
                if (response.IsFinal && _byes.Remove(transaction))
                {
                    if (response.IsSuccess)
                    {
                        Interlocked.Increment(ref _completed);
                    }
                    else
                    {
                        Problems.Add($"BYE answered {response.StatusCode}");
                    }
                }

                return;
            }

            if (!_invites.TryGetValue(transaction, out var invite) || response.IsProvisional)
            {
                return;
            }

            if (!response.IsSuccess)
            {
                Problems.Add($"INVITE answered {response.StatusCode}");
                _invites.Remove(transaction);
                return;
            }

            Acknowledge(invite, response);
        }
    }

    private void Acknowledge(SipRequest invite, SipResponse ok)
    {
        if (DialogStore.TryGetResponseId(ok, out var id) && _dialogs.TryGetValue(id, out var known))
        {
            // A retransmitted 2xx: our ACK was lost, send the same one again (§13.2.2.4).
            var (updated, ackAgain) = known.ReceiveResponse(ok);
            _dialogs[id] = updated;
            if (ackAgain is not null)
            {
                Layer.SendAck(ackAgain.Request, _target);
            }

            return;
        }

        if (!SipDialog.TryCreateAsUac(invite, ok, out var dialog, out var error))
        {
            Problems.Add($"dialog not created: {error}");
            return;
        }

        if (!SdpParser.TryParse(ok.Body.Span, out _, out _))
        {
            Problems.Add("2xx without a valid SDP answer");
        }

        var (acked, ack) = dialog.CreateAck(invite, SentBy);
        Layer.SendAck(ack.Request, _target);
        var (ended, bye) = acked.CreateBye(SentBy);
        _dialogs[dialog.Id] = ended;
        _byes.Add(Layer.SendRequest(bye.Request, _target));
    }
}
