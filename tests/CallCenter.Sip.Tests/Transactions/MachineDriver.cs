using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>
/// Drives one pure transaction machine in virtual time: it keeps the timers the machine started, fires them in
/// due order when time advances, and logs every action with the virtual time it happened at.
/// </summary>
internal sealed class MachineDriver
{
    private readonly Dictionary<TransactionTimer, TimeSpan> _armed = [];

    public MachineDriver(TransactionStep start)
    {
        Machine = start.Next;
        Record(start.Actions);
    }

    public SipTransaction Machine { get; private set; }

    public TimeSpan Now { get; private set; }

    public bool IsTerminated { get; private set; }

    public List<(TimeSpan At, TransactionAction Action)> Log { get; } = [];

    public IReadOnlyCollection<TransactionTimer> Armed => _armed.Keys;

    /// <summary>When the earliest armed timer falls due, or null when none is running.</summary>
    public TimeSpan? NextDue => _armed.Count == 0 ? null : _armed.Values.Min();

    public T As<T>()
        where T : SipTransaction => Assert.IsType<T>(Machine);

    public IReadOnlyList<TransactionAction> Feed(TransactionInput input)
    {
        var step = Machine.Handle(input);
        Machine = step.Next;
        Record(step.Actions);
        return step.Actions;
    }

    public IReadOnlyList<TransactionAction> Receive(SipMessage message) => message switch
    {
        SipRequest request => Feed(new TransactionInput.RequestFromWire(request)),
        SipResponse response => Feed(new TransactionInput.ResponseFromWire(response)),
        _ => [],
    };

    public IReadOnlyList<TransactionAction> Answer(SipResponse response) => Feed(new TransactionInput.ResponseFromTu(response));

    /// <summary>Moves virtual time forward, firing every armed timer that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        var until = Now + by;
        while (_armed.Count > 0)
        {
            var (timer, due) = _armed.MinBy(t => t.Value);
            if (due > until)
            {
                break;
            }

            Now = due;
            _armed.Remove(timer);
            Feed(new TransactionInput.TimerFired(timer));
        }

        Now = until;
    }

    /// <summary>The times at which messages matching <paramref name="match"/> were sent.</summary>
    public IReadOnlyList<TimeSpan> SendTimes(Func<SipMessage, bool> match) =>
        Log.Where(e => Wire.SentBy(e.Action) is { } sent && match(sent)).Select(e => e.At).ToList();

    /// <summary>Every message handed to the transport, retransmissions from kept bytes parsed back.</summary>
    public IReadOnlyList<SipMessage> Sent() => Log.Select(e => Wire.SentBy(e.Action)).OfType<SipMessage>().ToList();

    public IReadOnlyList<SipMessage> PassedToTu() => Log.Select(e => e.Action).OfType<TransactionAction.PassToTu>().Select(p => p.Message).ToList();

    public IReadOnlyList<TransactionAction> ToTu() =>
        Log.Select(e => e.Action).Where(a => a is TransactionAction.PassToTu or TransactionAction.TimeoutToTu or TransactionAction.TransportErrorToTu).ToList();

    public TimeSpan? TerminatedAt => Log.Where(e => e.Action is TransactionAction.Terminated).Select(e => (TimeSpan?)e.At).FirstOrDefault();

    private void Record(IEnumerable<TransactionAction> actions)
    {
        foreach (var action in actions)
        {
            Log.Add((Now, action));
            switch (action)
            {
                case TransactionAction.StartTimer start:
                    _armed[start.Timer] = Now + start.Delay;
                    break;
                case TransactionAction.StopTimer stop:
                    _armed.Remove(stop.Timer);
                    break;
                case TransactionAction.Terminated:
                    IsTerminated = true;
                    _armed.Clear();
                    break;
            }
        }
    }
}
