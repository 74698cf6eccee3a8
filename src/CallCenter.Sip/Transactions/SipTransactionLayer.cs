using System.Diagnostics.CodeAnalysis;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;
using static CallCenter.Sip.Transactions.TransactionInput;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// The runtime around the pure transaction machines: a table of live transactions, routing of received messages
/// (§17.1.3, §17.2.3), CANCEL handling (§9.2), and the execution of machine actions as transport sends, timer
/// operations and TU calls.
/// </summary>
/// <remarks>
/// Thread safety: every public member may be called from any thread. State changes happen under one lock; the
/// resulting effects (sends, timer schedule/cancel, TU calls) are queued and performed after the lock is released,
/// one at a time and in the order they were decided, by whichever caller is draining the queue. So the TU is never
/// called under the lock (no lock-order deadlock with the TU's own locks), it may call back into the layer from a
/// callback (the nested call's effects run right after the callback returns), and a method can return before its
/// effects ran when another thread is draining. Stale timer callbacks are ignored by generation number, so a
/// scheduler may deliver a cancelled timer late without harm. An Akka actor calls everything on its own thread and
/// supplies an IWithTimers-based <see cref="ITransactionTimerScheduler"/>.
/// </remarks>
public sealed class SipTransactionLayer
{
    private readonly object _gate = new();
    private readonly Dictionary<TransactionKey, Entry> _live = [];
    private readonly Queue<LayerEffect> _effects = new();
    private readonly ISipMessageSender _sender;
    private readonly ISipTransactionUser _user;
    private readonly ITransactionTimerScheduler _scheduler;
    private readonly StatelessAnswer? _statelessAnswer;
    private long _generation;
    private bool _draining;

    /// <param name="sender">The transport.</param>
    /// <param name="user">The TU: hears requests, responses, time-outs and transport errors.</param>
    /// <param name="scheduler">Runs the transactions' timers.</param>
    /// <param name="timers">T1, T2, T4.</param>
    /// <param name="statelessAnswer">
    /// Requests the TU answers without a transaction (out-of-dialog OPTIONS, say): over UDP a server transaction
    /// would keep the request, its answer and timer J for 64*T1 only to resend an answer the TU can simply give again.
    /// </param>
    public SipTransactionLayer(
        ISipMessageSender sender, ISipTransactionUser user, ITransactionTimerScheduler scheduler, SipTimers timers, StatelessAnswer? statelessAnswer = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(timers);
        _sender = sender;
        _user = user;
        _scheduler = scheduler;
        _statelessAnswer = statelessAnswer;
        Timers = timers;
    }

    public SipTimers Timers { get; }

    /// <summary>Live (not yet terminated) transactions.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _live.Count;
            }
        }
    }

    /// <summary>A snapshot of a live transaction (they are immutable), e.g. to check <see cref="InviteClientTransaction.CanCancel"/>.</summary>
    public bool TryGetTransaction(TransactionKey key, [NotNullWhen(true)] out SipTransaction? transaction)
    {
        lock (_gate)
        {
            transaction = _live.TryGetValue(key, out var entry) ? entry.Machine : null;
            return transaction is not null;
        }
    }

    /// <summary>Routes a message from the transport. Never throws for unmatched or malformed messages: they are dropped.</summary>
    public void OnReceived(ReceivedMessage received)
    {
        ArgumentNullException.ThrowIfNull(received);
        lock (_gate)
        {
            switch (received.Message)
            {
                case SipRequest request when request.Method == SipMethods.Cancel:
                    ReceiveCancel(request, received);
                    break;
                case SipRequest request:
                    ReceiveRequest(request, received);
                    break;
                case SipResponse response:
                    ReceiveResponse(response);
                    break;
            }
        }

        Drain();
    }

    /// <summary>
    /// Sends a TU-built request in a new client transaction (INVITE or non-INVITE). The top Via must carry a fresh
    /// z9hG4bK branch (<see cref="SipBranch.New"/>). Throws for ACK (use <see cref="SendAck"/>), a request without
    /// what matching needs, or a branch already in use.
    /// </summary>
    public ClientTransactionKey SendRequest(SipRequest request, SipEndPoint destination)
    {
        ArgumentNullException.ThrowIfNull(request);
        ClientTransactionKey key;
        lock (_gate)
        {
            var step = request.Method == SipMethods.Invite
                ? InviteClientTransaction.Start(request, destination, Timers)
                : NonInviteClientTransaction.Start(request, destination, Timers);
            key = (ClientTransactionKey)step.Next.Key;
            if (_live.ContainsKey(key))
            {
                throw new InvalidOperationException($"A client transaction {key} is already running; every request needs a new branch.");
            }

            Add(key, step, origin: null);
        }

        Drain();
        return key;
    }

    /// <summary>Sends the ACK for a 2xx: it belongs to no transaction (§17.1.1.3), so it goes straight to the transport.</summary>
    public void SendAck(SipRequest ack, SipEndPoint destination)
    {
        ArgumentNullException.ThrowIfNull(ack);
        if (ack.Method != SipMethods.Ack)
        {
            throw new ArgumentException($"Expected an ACK, got {ack.Method}.", nameof(ack));
        }

        lock (_gate)
        {
            _effects.Enqueue(new LayerEffect.Send(ack, destination));
        }

        Drain();
    }

    /// <summary>
    /// Cancels a pending INVITE client transaction (§9.1). The CANCEL goes out now if a provisional response has
    /// arrived, else with the first one. Its responses reach the TU under <see cref="ClientTransactionKey.ForCancel"/>.
    /// False when the INVITE is unknown or already has its final response.
    /// </summary>
    public bool TryCancel(ClientTransactionKey invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
        lock (_gate)
        {
            if (!_live.TryGetValue(invite, out var entry)
                || entry.Machine is not InviteClientTransaction { State: InviteClientState.Calling or InviteClientState.Proceeding } ict)
            {
                return false;
            }

            if (!ict.CancelPending && !ict.CancelSent)
            {
                Apply(invite, entry, ict.Handle(CancelFromTu.Instance), origin: null);
            }
        }

        Drain();
        return true;
    }

    /// <summary>
    /// Sends the TU's response through its server transaction. False when the transaction is gone or the machine
    /// refused it (a second final response, a non-2xx after a 2xx): nothing was sent then.
    /// </summary>
    public bool SendResponse(TransactionKey transaction, SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(response);
        bool sent;
        lock (_gate)
        {
            if (!_live.TryGetValue(transaction, out var entry) || entry.Machine is not ServerTransaction server)
            {
                return false;
            }

            var step = server.Handle(new ResponseFromTu(response));
            sent = step.Actions.Any(a => a is TransactionAction.Send);
            Apply(transaction, entry, step, origin: null);
        }

        Drain();
        return sent;
    }

    /// <summary>Reports that the transport failed to deliver a message of this transaction (e.g. a TCP connect failure).</summary>
    public void OnTransportError(TransactionKey transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        lock (_gate)
        {
            if (_live.TryGetValue(transaction, out var entry))
            {
                Apply(transaction, entry, entry.Machine.Handle(TransportError.Instance), origin: null);
            }
        }

        Drain();
    }

    private void ReceiveRequest(SipRequest request, ReceivedMessage received)
    {
        if (!TransactionKeys.TryForServer(request, out var key))
        {
            return;
        }

        var exists = _live.TryGetValue(key, out var entry);
        if (exists && TransactionKeys.LegacyToTagMatches(request, entry!.Machine))
        {
            Apply(key, entry, entry.Machine.Handle(new RequestFromWire(request)), received);
            return;
        }

        if (request.Method == SipMethods.Ack)
        {
            // No transaction of ours: the ACK for a 2xx, which belongs to the dialog (§17.2.3, RFC 6026).
            Notify(user => user.OnRequest(new IncomingRequest(request, null, received.Remote, received.Local)));
            return;
        }

        if (exists)
        {
            // RFC 2543 peer reusing every key field but the To tag: the slot is taken, so drop rather than guess.
            return;
        }

        // A stateless UAS never handles INVITE (§8.2.7: its 2xx needs retransmitting); over TCP the transaction
        // ends with the answer anyway (timer J is zero).
        if (request.Method != SipMethods.Invite && !received.Remote.Protocol.IsReliable() && _statelessAnswer?.Invoke(request) is { } answer)
        {
            _effects.Enqueue(new LayerEffect.Send(answer, ResponseDestination.For(request, received.Remote)));
            return;
        }

        var step = request.Method == SipMethods.Invite
            ? InviteServerTransaction.Create(key, request, received.Remote, Timers)
            : NonInviteServerTransaction.Create(key, request, received.Remote, Timers);
        Add(key, step, received);
    }

    private void ReceiveCancel(SipRequest cancel, ReceivedMessage received)
    {
        if (!TransactionKeys.TryForServer(cancel, out var key))
        {
            return;
        }

        if (_live.TryGetValue(key, out var existing))
        {
            Apply(key, existing, existing.Machine.Handle(new RequestFromWire(cancel)), received);
            return;
        }

        var target = FindCancelTarget(cancel);
        var answer = ServerCancel.Answer(cancel, target?.Entry.Machine as ServerTransaction);

        // The CANCEL gets its own non-INVITE server transaction, answered here: the TU hears OnCancelled instead.
        var created = NonInviteServerTransaction.Create(key, cancel, received.Remote, Timers);
        var entry = Add(key, created with { Actions = created.Actions.RemoveAll(a => a is TransactionAction.PassToTu) }, received);
        Apply(key, entry, entry.Machine.Handle(new ResponseFromTu(answer.CancelResponse)), received);

        if (answer.InviteResponse is { } terminated && target is { } invite)
        {
            Apply(invite.Key, invite.Entry, invite.Entry.Machine.Handle(new ResponseFromTu(terminated)), origin: null);
            Notify(user => user.OnCancelled(invite.Key, cancel));
        }
    }

    /// <summary>
    /// The server transaction a CANCEL refers to: its INVITE by key, else (rarely, §9.1 discourages it) a non-INVITE
    /// with the same branch, found by a scan because the cancelled method is not in the CANCEL.
    /// </summary>
    private (TransactionKey Key, Entry Entry)? FindCancelTarget(SipRequest cancel)
    {
        if (!TransactionKeys.TryForCancelTarget(cancel, out var inviteKey))
        {
            return null;
        }

        if (_live.TryGetValue(inviteKey, out var invite) && IsCancelTarget(invite, cancel))
        {
            return (inviteKey, invite);
        }

        foreach (var (key, entry) in _live)
        {
            var sameRequest = (key, inviteKey) switch
            {
                (ServerTransactionKey k, ServerTransactionKey i) => k.Branch == i.Branch && k.SentBy == i.SentBy,
                (LegacyServerTransactionKey k, LegacyServerTransactionKey i) => k with { Method = i.Method } == i,
                _ => false,
            };
            if (sameRequest && key is not ServerTransactionKey { Method: SipMethods.Cancel }
                && key is not LegacyServerTransactionKey { Method: SipMethods.Cancel } && IsCancelTarget(entry, cancel))
            {
                return (key, entry);
            }
        }

        return null;
    }

    private static bool IsCancelTarget(Entry entry, SipRequest cancel) =>
        entry.Machine is ServerTransaction && TransactionKeys.LegacyToTagMatches(cancel, entry.Machine);

    private void ReceiveResponse(SipResponse response)
    {
        // Responses matching no client transaction are dropped, 2xx included (RFC 6026 §8.2 replaces §18.1.2).
        if (TransactionKeys.TryForResponse(response, out var key) && _live.TryGetValue(key, out var entry))
        {
            Apply(key, entry, entry.Machine.Handle(new ResponseFromWire(response)), origin: null);
        }
    }

    private Entry Add(TransactionKey key, TransactionStep step, ReceivedMessage? origin)
    {
        var entry = new Entry(step.Next, Arrival.Of(origin));
        _live.Add(key, entry);
        Apply(key, entry, step, origin);
        return entry;
    }

    /// <summary>Stores the machine's next state and turns its actions into queued effects. Called under the lock.</summary>
    private void Apply(TransactionKey key, Entry entry, TransactionStep step, ReceivedMessage? origin)
    {
        entry.Machine = step.Next;
        foreach (var action in step.Actions)
        {
            switch (action)
            {
                case TransactionAction.Send send:
                    _effects.Enqueue(send.Encoded is { } encoded
                        ? new LayerEffect.SendEncoded(encoded, send.Destination)
                        : new LayerEffect.Send(send.Message, send.Destination));
                    break;
                case TransactionAction.Resend resend:
                    _effects.Enqueue(new LayerEffect.SendEncoded(resend.Message, resend.Destination));
                    break;
                case TransactionAction.StartTimer start:
                    StartTimer(key, entry, start);
                    break;
                case TransactionAction.StopTimer stop:
                    if (entry.Disarm(stop.Timer))
                    {
                        _effects.Enqueue(new LayerEffect.Cancel(new TransactionTimerKey(key, stop.Timer)));
                    }

                    break;
                case TransactionAction.PassToTu pass:
                    PassToTu(key, pass.Message, Arrival.Of(origin) ?? entry.Origin);
                    break;
                case TransactionAction.TimeoutToTu timeout:
                    Notify(user => user.OnTimeout(key, timeout.Timer));
                    break;
                case TransactionAction.TransportErrorToTu:
                    Notify(user => user.OnTransportError(key));
                    break;
                case TransactionAction.StartCancel startCancel:
                    StartCancel(startCancel);
                    break;
                case TransactionAction.Terminated:
                    Remove(key, entry);
                    break;
            }
        }
    }

    private void StartTimer(TransactionKey key, Entry entry, TransactionAction.StartTimer start)
    {
        var generation = ++_generation;
        var timerKey = new TransactionTimerKey(key, start.Timer);
        entry.Arm(start.Timer, generation);
        _effects.Enqueue(new LayerEffect.Schedule(timerKey, start.Delay, () => OnTimer(timerKey, generation)));
    }

    private void OnTimer(TransactionTimerKey timerKey, long generation)
    {
        lock (_gate)
        {
            if (!_live.TryGetValue(timerKey.Transaction, out var entry)
                || entry.ArmedGeneration(timerKey.Timer) != generation)
            {
                return;
            }

            entry.Disarm(timerKey.Timer);
            Apply(timerKey.Transaction, entry, entry.Machine.Handle(new TimerFired(timerKey.Timer)), origin: null);
        }

        Drain();
    }

    private void PassToTu(TransactionKey key, SipMessage message, Arrival? origin)
    {
        switch (message)
        {
            case SipResponse response when key is ClientTransactionKey client:
                Notify(user => user.OnResponse(client, response));
                break;
            case SipRequest request when origin is { } from:
                var transaction = request.Method == SipMethods.Ack ? null : key;
                Notify(user => user.OnRequest(new IncomingRequest(request, transaction, from.Remote, from.Local)));
                break;
        }
    }

    private void StartCancel(TransactionAction.StartCancel startCancel)
    {
        var step = NonInviteClientTransaction.Start(startCancel.Cancel, startCancel.Destination, Timers);
        if (!_live.ContainsKey(step.Next.Key))
        {
            Add(step.Next.Key, step, origin: null);
        }
    }

    private void Remove(TransactionKey key, Entry entry)
    {
        _live.Remove(key);
        for (var timer = (TransactionTimer)0; (int)timer < Entry.TimerSlots; timer++)
        {
            if (entry.Disarm(timer))
            {
                _effects.Enqueue(new LayerEffect.Cancel(new TransactionTimerKey(key, timer)));
            }
        }
    }

    private void Notify(Action<ISipTransactionUser> call) => _effects.Enqueue(new LayerEffect.Notify(call));

    /// <summary>Performs queued effects outside the lock; only one thread drains at a time, so order is kept.</summary>
    private void Drain()
    {
        lock (_gate)
        {
            if (_draining || _effects.Count == 0)
            {
                return;
            }

            _draining = true;
        }

        while (true)
        {
            LayerEffect? effect;
            lock (_gate)
            {
                if (!_effects.TryDequeue(out effect))
                {
                    _draining = false;
                    return;
                }
            }

            try
            {
                Perform(effect);
            }
            catch
            {
                // Let the failure surface, but leave the queue drainable: the next call performs what is left.
                lock (_gate)
                {
                    _draining = false;
                }

                throw;
            }
        }
    }

    private void Perform(LayerEffect effect)
    {
        switch (effect)
        {
            case LayerEffect.Send send:
                _sender.Send(send.Message, send.Destination);
                break;
            case LayerEffect.SendEncoded send:
                _sender.Send(send.Message, send.Destination);
                break;
            case LayerEffect.Schedule schedule:
                _scheduler.Schedule(schedule.Key, schedule.Delay, schedule.Callback);
                break;
            case LayerEffect.Cancel cancel:
                _scheduler.Cancel(cancel.Key);
                break;
            case LayerEffect.Notify notify:
                notify.Call(_user);
                break;
        }
    }

    /// <summary>Where a received message came from and arrived at; not the message itself, which may be large.</summary>
    private readonly record struct Arrival(SipEndPoint Remote, SipEndPoint Local)
    {
        public static Arrival? Of(ReceivedMessage? received) => received is null ? null : new Arrival(received.Remote, received.Local);
    }

    private sealed class Entry(SipTransaction machine, Arrival? origin)
    {
        public SipTransaction Machine { get; set; } = machine;

        /// <summary>
        /// Where the request that created a server transaction came from: where TU-bound requests say they came
        /// from. Only the addresses, so a lingering transaction does not keep the parsed request alive.
        /// </summary>
        public Arrival? Origin { get; } = origin;

        public static readonly int TimerSlots = Enum.GetValues<TransactionTimer>().Max(t => (int)t) + 1;

        // Running timers and the generation each was started with (generations start at 1, so 0 is "not running"):
        // a slot per timer name costs one small array where a dictionary cost three objects per transaction.
        private readonly long[] _armed = new long[TimerSlots];

        public void Arm(TransactionTimer timer, long generation) => _armed[(int)timer] = generation;

        public long ArmedGeneration(TransactionTimer timer) => _armed[(int)timer];

        /// <summary>Forgets a timer; false when it was not running.</summary>
        public bool Disarm(TransactionTimer timer)
        {
            var wasArmed = _armed[(int)timer] != 0;
            _armed[(int)timer] = 0;
            return wasArmed;
        }
    }
}
