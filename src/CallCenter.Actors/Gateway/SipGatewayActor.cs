using Akka.Actor;
using Akka.Event;
using CallCenter.Actors.Gateway.Legs;
using CallCenter.Actors.Gateway.Registrar;
using CallCenter.Actors.Signalling;
using CallCenter.Domain;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Actors.Gateway;

/// <summary>
/// The node's SIP front end (one per node): owns the transport and the transaction layer, answers what needs no
/// state (OPTIONS, 404, 405, 481), hands REGISTER to its registrar and every call to a <see cref="CallLegsActor"/>
/// child, and is the signalling port of the node's calls (<see cref="SignallingPort"/>).
/// </summary>
/// <remarks>
/// Everything that touches the transaction layer runs on this actor's thread: the transport's inbound channel is read
/// by piping "ready" signals to itself, the layer's timers are this actor's timers, and the layer's reports arrive as
/// messages. Children never call the layer; they send <see cref="SipOutbound"/> messages and receive
/// <see cref="SipInbound"/> ones. A call-legs child that fails is stopped, and its call is told its media failed.
/// </remarks>
public sealed partial class SipGatewayActor : ReceiveActor, IWithTimers
{
    private const string Allowed = OutOfDialogOptions.Allowed;

    // Short: the overload is the node's backlog of the last second or two, not a planned outage.
    private static readonly TimeSpan OverloadRetryAfter = TimeSpan.FromSeconds(2);

    private readonly SipGatewaySettings _settings;
    private readonly Func<IActorRef> _agents;
    private readonly Func<IActorRef> _calls;
    private readonly SipRoutes _routes = new();
    private readonly CallAdmission _admission;
    private readonly LingeringCalls _lingering;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly CancellationTokenSource _stopping = new();
    private SipTransportHost? _transport;
    private SipTransactionLayer? _layer;
    private CallLegSettings? _legSettings;
    private IActorRef _registrar = ActorRefs.Nobody;

    // Set once the node shuts down: new INVITEs and REGISTERs are refused with 503 and this Retry-After.
    private TimeSpan? _drainRetryAfter;

    public SipGatewayActor(SipGatewaySettings settings, Func<IActorRef> agents, Func<IActorRef> calls)
    {
        _settings = settings;
        _agents = agents;
        _calls = calls;
        _admission = new CallAdmission(settings.MaxPendingCalls);
        _lingering = new LingeringCalls((long)Math.Ceiling(settings.Linger / LingerSweepInterval));

        Receive<InboundReady>(_ => DrainInbound());
        Receive<InboundClosed>(_ => _log.Info("SIP transport closed"));
        Receive<ActorTimerScheduler.Due>(due =>
        {
            ReadWaitingInbound();
            due.Callback();
        });
        Receive<SipInbound.Request>(r => Route(r.Incoming));
        Receive<SipInbound.Response>(r =>
        {
            if (!ToOwner(r.Transaction, r) && _lingering.AckAgain(r.Transaction, r.Message) is { } ack)
            {
                Layer.SendAck(ack.Ack, ack.Destination);
            }
        });
        Receive<SipInbound.TimedOut>(t => ToOwner(t.Transaction, t));
        Receive<SipInbound.TransportFailed>(t => ToOwner(t.Transaction, t));
        Receive<SipInbound.Cancelled>(c => ToOwner(c.Invite, c));
        Receive<SipOutbound.Respond>(r =>
        {
            _admission.Answered(r.Transaction, r.Response.StatusCode);
            Layer.SendResponse(r.Transaction, r.Response);
        });
        Receive<SipOutbound.SendRequest>(SendRequest);
        Receive<SipOutbound.SendAck>(a => Layer.SendAck(a.Ack, a.Destination));
        Receive<SipOutbound.Cancel>(c => Layer.TryCancel(c.Invite));
        Receive<SipOutbound.Finished>(CallFinished);
        Receive<LingerSweep>(_ => SweepLingering());
        Receive<ISignallingCommand>(ToCall);
        Receive<SipGatewayQueries.GetListeners>(_ =>
            Sender.Tell(new SipGatewayQueries.Listening([.. _transport?.LocalEndPoints ?? []], _routes.CallCount, _layer?.Count ?? 0)));
        Receive<SipGatewayDrain.StartDraining>(StartDraining);
        Receive<Terminated>(Stopped);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private SipTransactionLayer Layer => _layer ?? throw new InvalidOperationException("the gateway has not started");

    public static Props Props(SipGatewaySettings settings, Func<IActorRef> agents, Func<IActorRef> calls) =>
        Akka.Actor.Props.Create(() => new SipGatewayActor(settings, agents, calls));

    protected override void PreStart()
    {
        _transport = SipTransportHost.Start(_settings.Transport with { Observer = new TransportLog(_log) });
        _layer = new SipTransactionLayer(_transport, new ActorTransactionUser(Self), new ActorTimerScheduler(Timers), _settings.Timers, OutOfDialogOptions.Answer);
        _legSettings = CallLegSettings.From(_settings, _transport.LocalEndPoints);
        _registrar = Context.ActorOf(RegistrarActor.Props(_settings.Registrar, _settings.Domain, _agents), "registrar");
        _log.Info("SIP gateway listening on {EndPoints}", string.Join(", ", _transport.LocalEndPoints));
        WaitForInbound();
    }

    protected override void PostStop()
    {
        _stopping.Cancel();
        _stopping.Dispose();

        // Disposal closes the sockets at once and drains TCP in the background; nothing here may block the thread.
        _ = _transport?.DisposeAsync().AsTask();
    }

    private void Route(IncomingRequest incoming)
    {
        var request = incoming.Request;
        if (incoming.IsAck || request.Method == SipMethods.Ack)
        {
            // An ACK for a 2xx belongs to its dialog; nothing ever answers an ACK.
            if (_routes.TryGetSipCall(request.CallId, out var dialogOwner))
            {
                dialogOwner.Tell(new SipInbound.Request(incoming));
            }

            return;
        }

        var transaction = incoming.Transaction!;
        if (Sip.Dialogs.UasRequestChecks.Refusal(request) is { } refusal)
        {
            Respond(transaction, refusal);
            return;
        }

        switch (request.Method)
        {
            case SipMethods.Register when _drainRetryAfter is { } retryAfter:
                Respond(transaction, SipGatewayDrain.Refusal(request, retryAfter));
                return;
            case SipMethods.Register:
                _registrar.Tell(new SipInbound.Request(incoming));
                return;
            // Over UDP the layer answers these itself, without a transaction; this is TCP's (stateful) path.
            case SipMethods.Options when OutOfDialogOptions.Answer(request) is { } answer:
                Respond(transaction, answer);
                return;
        }

        if (_routes.TryGetSipCall(request.CallId, out var owner))
        {
            _routes.AddTransaction(transaction, owner);
            owner.Tell(new SipInbound.Request(incoming));
            return;
        }

        if (_lingering.Refusal(request) is { } lingering)
        {
            Respond(transaction, lingering);
            return;
        }

        switch (request.Method)
        {
            case SipMethods.Invite when request.To?.Tag is null && _drainRetryAfter is { } retryAfter:
                Respond(transaction, SipGatewayDrain.Refusal(request, retryAfter));
                return;
            case SipMethods.Invite when request.To?.Tag is null && !_admission.TryAdmit():
                RefuseInOverload(incoming, transaction);
                return;
            case SipMethods.Invite when request.To?.Tag is null:
                NewCall(incoming, transaction);
                return;
            // An in-dialog OPTIONS is a peer's keep-alive probe (as ours are): 481 tells it the dialog is gone here.
            case SipMethods.Invite or SipMethods.Bye or SipMethods.Info or SipMethods.Options:
                Respond(transaction, SipResponse.For(request, 481));
                return;
            default:
                Respond(transaction, SipResponse.For(request, 405, toTag: Sip.Dialogs.SipTokens.NewTag()).WithHeaders(h => h.Add(SipHeaderNames.Allow, Allowed)));
                return;
        }
    }

    private void NewCall(IncomingRequest incoming, TransactionKey transaction)
    {
        var request = incoming.Request;
        var user = request.RequestUri.UnescapedUser;
        if (string.IsNullOrWhiteSpace(user) || !_settings.Queues.Contains(new QueueId(user)))
        {
            _log.Info("INVITE for unknown queue {User} from {Remote} refused", user, incoming.Remote);
            Respond(transaction, SipResponse.For(request, 404, toTag: Sip.Dialogs.SipTokens.NewTag()));
            return;
        }

        var callId = new CallId(Guid.NewGuid().ToString("N"));
        var legs = Context.ActorOf(CallLegsActor.Props(callId, new QueueId(user), incoming, _legSettings!, _calls()), $"call-{callId.Value}");
        Context.Watch(legs);
        _routes.AddCall(callId, legs);
        _routes.AddTransaction(transaction, legs);
        _routes.AddSipCall(request.CallId!, legs);
        _admission.Started(transaction, legs);
        _log.Info("Call {CallId} is SIP call {SipCallId} from {Remote} for queue {QueueId}", callId, request.CallId, incoming.Remote, user);
    }

    private void SendRequest(SipOutbound.SendRequest send)
    {
        var key = Layer.SendRequest(send.Request, send.Destination);
        _routes.AddTransaction(key, Sender);
        if (send.Request.CallId is { } sipCallId && !Sender.Equals(_registrar))
        {
            _routes.AddSipCall(sipCallId, Sender);
        }
    }

    private bool ToOwner(TransactionKey key, object message)
    {
        if (!_routes.TryGetTransaction(key, out var owner))
        {
            return false;
        }

        owner.Tell(message);
        return true;
    }

    private void ToCall(ISignallingCommand command)
    {
        if (_routes.TryGetCall(command.CallId, out var legs))
        {
            legs.Forward(command);
            return;
        }

        _log.Debug("No SIP legs for call {CallId}; {Command} dropped", command.CallId, command.GetType().Name);
    }

    private void Stopped(Terminated terminated)
    {
        _admission.Stopped(terminated.ActorRef);
        if (_routes.Remove(terminated.ActorRef) is { } callId)
        {
            // Harmless when the call already ended (the calls parent drops it); ends it when its legs died with it open.
            _calls().Tell(new SignallingEvents.MediaFailed(callId, "the call's SIP legs stopped"), ActorRefs.NoSender);
        }
    }

    private void Respond(TransactionKey transaction, SipResponse response) => Layer.SendResponse(transaction, response);

    /// <summary>A fault in handling one message must not restart the gateway: that would close the sockets and drop
    /// every call's legs. The message is lost and logged; the transaction layer's timers recover what it can.</summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        try
        {
            return base.AroundReceive(receive, message);
        }
        catch (Exception e)
        {
            _log.Error(e, "SIP gateway failed handling {Message}", message.GetType().Name);
            return true;
        }
    }
}
