using System.Net;
using System.Threading.Channels;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Sdp;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Interop;

/// <summary>
/// The plumbing every user agent built on this stack needs: a UDP transport on 127.0.0.1, a transaction layer with
/// real-time timers, and a pump from the transport to the layer. Subclasses are the transaction user; the layer
/// serializes its callbacks, and <see cref="Gate"/> guards state that timers touch too.
/// </summary>
internal abstract class LoopbackUserAgent : ISipTransactionUser, IAsyncDisposable
{
    private readonly TimeProviderTimerScheduler _scheduler = new(TimeProvider.System);

    // The dialog core's 2xx timers live apart from the layer's, whose keys they would otherwise share.
    private readonly TimeProviderTimerScheduler _dialogTimers = new(TimeProvider.System);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;

    protected LoopbackUserAgent()
    {
        Transport = SipTransportHost.Start(SipTransportOptions.ForAddresses(0, IPAddress.Loopback) with
        {
            Listen = [new SipEndPoint(SipProtocol.Udp, new IPEndPoint(IPAddress.Loopback, 0))],
        });
        Local = Transport.FindLocalEndPoint(SipProtocol.Udp, System.Net.Sockets.AddressFamily.InterNetwork)!.Value;
        SentBy = new LocalSentBy("UDP", "127.0.0.1", Local.Address.Port);
        Contact = SipUri.Sip(ContactUser, "127.0.0.1", Local.Address.Port);
        Layer = new SipTransactionLayer(Transport, this, _scheduler, SipTimers.Default);
        _pump = Task.Run(PumpAsync);
    }

    public SipEndPoint Local { get; }

    protected object Gate { get; } = new();

    protected SipTransportHost Transport { get; }

    protected SipTransactionLayer Layer { get; }

    protected LocalSentBy SentBy { get; }

    protected SipUri Contact { get; }

    protected virtual string ContactUser => "ua";

    /// <summary>Problems seen by this agent; a test asserts there are none.</summary>
    public List<string> Problems { get; } = [];

    public abstract void OnRequest(IncomingRequest request);

    public virtual void OnResponse(ClientTransactionKey transaction, SipResponse response)
    {
    }

    public void OnTimeout(TransactionKey transaction, TransactionTimer timer) => Problem($"timeout {timer} on {transaction}");

    public void OnTransportError(TransactionKey transaction) => Problem($"transport error on {transaction}");

    public virtual void OnCancelled(TransactionKey invite, SipRequest cancel) => Problem($"unexpected CANCEL for {invite}");

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Transport.DisposeAsync();
        try
        {
            await _pump;
        }
        catch (OperationCanceledException)
        {
            // The pump ends by cancellation.
        }

        _scheduler.Dispose();
        _dialogTimers.Dispose();
        _stopping.Dispose();
    }

    /// <summary>An SDP offer or answer for a leg whose RTP would arrive at <paramref name="rtpPort"/> on loopback.</summary>
    protected static LocalAudioOptions Audio(int rtpPort) => new() { Address = IPAddress.Loopback, RtpPort = rtpPort };

    protected static SdpOrigin Origin() => SdpOrigin.Create(IPAddress.Loopback, (ulong)Random.Shared.NextInt64(1, long.MaxValue));

    protected void Problem(string text)
    {
        lock (Gate)
        {
            Problems.Add(text);
        }
    }

    /// <summary>Runs an <see cref="InviteOkRetransmitter"/>'s actions: retransmit through the INVITE server transaction.</summary>
    protected void Run(InviteOkRetransmitter retransmitter, TransactionKey invite, IReadOnlyList<OkRetransmitAction> actions)
    {
        foreach (var action in actions)
        {
            switch (action)
            {
                case OkRetransmitAction.SendResponse send:
                    Layer.SendResponse(invite, send.Response);
                    break;
                case OkRetransmitAction.StartTimer start:
                    _dialogTimers.Schedule(
                        DialogTimerKey(invite, start.Timer),
                        start.Delay,
                        () =>
                        {
                            lock (Gate)
                            {
                                Run(retransmitter, invite, retransmitter.OnTimer(start.Timer));
                            }
                        });
                    break;
                case OkRetransmitAction.StopTimer stop:
                    _dialogTimers.Cancel(DialogTimerKey(invite, stop.Timer));
                    break;
                case OkRetransmitAction.AckTimedOut:
                    Problems.Add($"no ACK for the 2xx of {retransmitter.Dialog}");
                    break;
            }
        }
    }

    private static TransactionTimerKey DialogTimerKey(TransactionKey invite, OkRetransmitTimer timer) =>
        new(invite, timer == OkRetransmitTimer.Retransmit ? TransactionTimer.G : TransactionTimer.H);

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var received in Transport.Incoming.ReadAllAsync(_stopping.Token))
            {
                Layer.OnReceived(received);
            }
        }
        catch (ChannelClosedException)
        {
            // The transport closed its channel on dispose.
        }
    }
}
