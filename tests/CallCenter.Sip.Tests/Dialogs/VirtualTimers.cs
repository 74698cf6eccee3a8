using CallCenter.Sip.Dialogs;

namespace CallCenter.Sip.Tests.Dialogs;

/// <summary>
/// Plays the caller of <see cref="InviteOkRetransmitter"/> on a virtual clock: applies its actions, keeps the armed
/// timers, and fires them in due order while time advances. Records every action with the instant it happened.
/// </summary>
internal sealed class VirtualTimers(InviteOkRetransmitter machine)
{
    private readonly Dictionary<OkRetransmitTimer, TimeSpan> _due = [];

    public TimeSpan Now { get; private set; }

    public List<(TimeSpan At, OkRetransmitAction Action)> Log { get; } = [];

    public IEnumerable<TimeSpan> SendTimes =>
        Log.Where(e => e.Action is OkRetransmitAction.SendResponse).Select(e => e.At);

    public bool IsArmed(OkRetransmitTimer timer) => _due.ContainsKey(timer);

    public void Apply(IEnumerable<OkRetransmitAction> actions)
    {
        foreach (var action in actions)
        {
            Log.Add((Now, action));
            switch (action)
            {
                case OkRetransmitAction.StartTimer start:
                    _due[start.Timer] = Now + start.Delay;
                    break;
                case OkRetransmitAction.StopTimer stop:
                    _due.Remove(stop.Timer);
                    break;
            }
        }
    }

    public void AdvanceTo(TimeSpan until)
    {
        while (_due.Count > 0)
        {
            var (timer, due) = _due.MinBy(pair => pair.Value);
            if (due > until)
            {
                break;
            }

            Now = due;
            _due.Remove(timer);
            Apply(machine.OnTimer(timer));
        }

        Now = until;
    }
}
