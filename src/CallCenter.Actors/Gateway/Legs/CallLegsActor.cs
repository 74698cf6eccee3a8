using System.Security.Cryptography;
using Akka.Actor;
using Akka.Event;
using CallCenter.Domain;
using CallCenter.Media.Relay;
using CallCenter.Sip.Transactions;
using static CallCenter.Actors.Signalling.SignallingCommands;
using static CallCenter.Actors.Signalling.SignallingEvents;

namespace CallCenter.Actors.Gateway.Legs;

/// <summary>
/// The SIP and media side of one call (a child of the gateway): the customer's dialog, one dialog per agent it rings,
/// and the call's RTP relay. It carries out the CallActor's <c>SignallingCommands</c> and reports
/// <c>SignallingEvents</c> to the calls parent; SIP goes through the gateway as <see cref="SipOutbound"/> messages.
/// </summary>
/// <remarks>
/// The customer's offer is checked before the call exists: no common codec (or no free media ports) is answered
/// 488 (503) and the CallActor never hears of it. Once both legs have ended the relay is closed, its counters are
/// published (<see cref="CallMediaReport"/>), and the actor hands the gateway a <see cref="FinishedCall"/> (what answers
/// retransmissions during the linger) and is stopped by it. A fault in a handler stops the actor; the gateway then
/// tells the call its media failed.
/// </remarks>
public sealed partial class CallLegsActor : UntypedActor, IWithTimers
{
    private const string CleanupTimer = "cleanup";

    private readonly CallId _callId;
    private readonly QueueId _queueId;
    private readonly CallLegSettings _settings;
    private readonly IActorRef _calls;
    private readonly CustomerLeg _customer;
    private readonly Dictionary<int, AgentLeg> _agentLegs = [];
    private readonly ulong _sessionId = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 2;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private IMediaRelay? _relay;
    private OkRetransmissions _oks = null!;
    private bool _finished;

    public CallLegsActor(CallId callId, QueueId queueId, IncomingRequest invite, CallLegSettings settings, IActorRef calls)
    {
        _callId = callId;
        _queueId = queueId;
        _settings = settings;
        _calls = calls;
        _customer = new CustomerLeg(invite, SipHops.IsBehindNat(invite.Request, invite.Remote));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private static IActorRef Gateway => Context.Parent;

    /// <remarks>Made by a producer, not from an expression: <c>Props.Create(() => new …)</c> builds an expression tree
    /// and reads its arguments by reflection for every call (~5 KiB a call, measured).</remarks>
    public static Props Props(CallId callId, QueueId queueId, IncomingRequest invite, CallLegSettings settings, IActorRef calls) =>
        Akka.Actor.Props.CreateBy(new Producer(callId, queueId, invite, settings, calls));

    protected override void PreStart()
    {
        _oks = new OkRetransmissions(Timers, Gateway, _settings.Timers);
        StartCustomerLeg();
    }

    protected override void PostStop() => _relay?.Dispose();

    /// <summary>A fault handling one message leaves the call in an unknown state: end it (the gateway reports it).</summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        try
        {
            return base.AroundReceive(receive, message);
        }
        catch (Exception e)
        {
            _log.Error(e, "Call {CallId}: failed handling {Message}; its SIP legs stop", _callId, message.GetType().Name);
            Context.Stop(Self);
            return true;
        }
    }

    private void OnRequest(IncomingRequest incoming)
    {
        var sipCallId = incoming.Request.CallId;
        if (sipCallId == _customer.SipCallId)
        {
            CustomerRequest(incoming);
            return;
        }

        if (_agentLegs.Values.FirstOrDefault(l => l.SipCallId == sipCallId) is { } leg)
        {
            AgentRequest(leg, incoming);
        }
    }

    private void OnResponse(SipInbound.Response response)
    {
        if (ProbeAnswered(response.Transaction, response.Message))
        {
            return;
        }

        if (_customer.ByeKey == response.Transaction)
        {
            if (response.Message.IsFinal)
            {
                LegEnded(_customer);
            }

            return;
        }

        foreach (var leg in _agentLegs.Values)
        {
            if (leg.Key == response.Transaction)
            {
                AgentInviteResponse(leg, response.Message);
                return;
            }

            if (leg.ByeKey == response.Transaction)
            {
                if (response.Message.IsFinal)
                {
                    LegEnded(leg);
                }

                return;
            }
        }
    }

    private void OnTransactionFailed(TransactionKey transaction, bool timedOut)
    {
        if (ProbeFailed(transaction, timedOut))
        {
            return;
        }

        if (_customer.ByeKey == transaction)
        {
            LegEnded(_customer);
            return;
        }

        foreach (var leg in _agentLegs.Values)
        {
            if (leg.ByeKey == transaction)
            {
                LegEnded(leg);
                return;
            }

            if (leg.Key == transaction)
            {
                AgentInviteFailed(leg, timedOut);
                return;
            }
        }
    }

    private void MediaTimeout(MediaTimedOut timeout)
    {
        if (!_finished)
        {
            _calls.Tell(new MediaFailed(_callId, $"no RTP from the {timeout.Leg} for {timeout.SilentFor.TotalSeconds:0} s"), ActorRefs.NoSender);
        }
    }

    /// <summary>A leg is over: once every leg is, close the media, report it, and linger for retransmissions.</summary>
    private void LegEnded(SipLeg leg)
    {
        leg.Phase = LegPhase.Ended;
        StopProbing(leg);
        if (leg is CustomerLeg && !_finished)
        {
            // The CallActor hangs up the agent legs next; should it never do so, they are ended here.
            Timers.StartSingleTimer(CleanupTimer, CleanupDue.Instance, _settings.Timers.TransactionTimeout);
        }

        CheckFinished();
    }

    private void CheckFinished()
    {
        if (_finished || !_customer.IsEnded || _agentLegs.Values.Any(l => !l.IsEnded))
        {
            return;
        }

        _finished = true;
        Timers.Cancel(CleanupTimer);
        if (_relay is not null)
        {
            var report = new CallMediaReport(_callId, _relay.Customer.Statistics, _relay.Agent.Statistics);
            _log.Info(
                "Call {CallId} media: customer sent {CustomerPackets} RTP packets ({CustomerForwarded} relayed), agent sent {AgentPackets} ({AgentForwarded} relayed)",
                _callId, report.Customer.RtpReceived, report.Customer.RtpForwarded, report.Agent.RtpReceived, report.Agent.RtpForwarded);
            Context.System.EventStream.Publish(report);
            _relay.Dispose();
            _relay = null;
        }

        // The gateway stops this actor and answers the call's stragglers from this record for the linger.
        Gateway.Tell(new SipOutbound.Finished(new FinishedCall(
            [_customer.SipCallId, .. _agentLegs.Values.Select(l => l.SipCallId)],
            [.. _agentLegs.Values.Where(l => l.Ack is not null).Select(l => new FinishedCall.AgentAck(l.Key, l.Ack!))])));
    }

    /// <summary>The customer left long ago and the CallActor never hung up the agent: do it here, then close.</summary>
    private void ForceEnd()
    {
        foreach (var leg in _agentLegs.Values.Where(l => !l.IsEnded).ToList())
        {
            _log.Warning("Call {CallId}: agent leg {Leg} still open after the customer left; ending it", _callId, leg.Number);
            DropAgentLeg(leg.Number);
            LegEnded(leg);
        }
    }

    private sealed record CleanupDue
    {
        public static CleanupDue Instance { get; } = new();
    }

    private sealed class Producer(CallId callId, QueueId queueId, IncomingRequest invite, CallLegSettings settings, IActorRef calls)
        : IIndirectActorProducer
    {
        public Type ActorType => typeof(CallLegsActor);

        public ActorBase Produce() => new CallLegsActor(callId, queueId, invite, settings, calls);

        public void Release(ActorBase actor)
        {
        }
    }

    /// <summary>The relay reported a silent leg (from its timer thread).</summary>
    internal sealed record MediaTimedOut(MediaLegId Leg, TimeSpan SilentFor);
}

/// <summary>What a call's relay counted, published on the node's event stream when the call's legs close.</summary>
public sealed record CallMediaReport(CallId CallId, MediaLegStatistics Customer, MediaLegStatistics Agent);
