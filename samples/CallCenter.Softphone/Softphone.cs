using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Softphone;

/// <summary>
/// The agent softphone: the stack (transport, transaction layer, a pump between them) and the transaction user that
/// registers (Softphone.Registration.cs) and takes calls (Softphone.Calls.cs). Every request goes to the configured
/// server, like a phone with an outbound proxy. The layer serializes its callbacks; <see cref="_gate"/> guards the
/// state that timers touch as well.
/// </summary>
internal sealed partial class Softphone : ISipTransactionUser, IAsyncDisposable
{
    private const string Allow = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE";

    private readonly Lock _gate = new();
    private readonly SoftphoneOptions _options;
    private readonly SipTransportHost _transport;
    private readonly SipTransactionLayer _layer;
    private readonly TimeProviderTimerScheduler _scheduler = new(TimeProvider.System);
    private readonly CancellationTokenSource _stopping = new();
    private readonly SipEndPoint _server;
    private readonly IPAddress _localAddress;
    private readonly LocalSentBy _sentBy;
    private readonly SipUri _contact;
    private readonly Task _pump;

    private Softphone(SoftphoneOptions options, SipTransportHost transport, SipEndPoint server, SipEndPoint local)
    {
        _options = options;
        _transport = transport;
        _server = server;
        _localAddress = local.Address.Address;
        var host = _localAddress.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{_localAddress}]" : _localAddress.ToString();
        _sentBy = new LocalSentBy(options.Transport.ViaToken(), host, local.Address.Port);
        var contact = SipUri.Sip(options.User, host, local.Address.Port);
        _contact = options.Transport == SipProtocol.Tcp ? contact.WithParameter("transport", "tcp") : contact;
        _timers = new GatedTimers(_gate);
        _layer = new SipTransactionLayer(transport, this, _scheduler, SipTimers.Default);
        _registration = new(new(options.User, options.Password, options.Domain), _contact, _sentBy, options.Expires);
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Resolves the server, listens on the address that reaches it, and starts the stack (not yet registered).</summary>
    public static async Task<Softphone> StartAsync(SoftphoneOptions options)
    {
        var server = new SipEndPoint(options.Transport, new IPEndPoint(await ResolveAsync(options.ServerHost), options.ServerPort));
        var localAddress = LocalAddressTowards(server.Address);
        var failures = new ServerFailures(server);
        SipTransportHost transport;
        try
        {
            transport = SipTransportHost.Start(new SipTransportOptions
            {
                Listen = [new SipEndPoint(options.Transport, new IPEndPoint(localAddress, options.LocalPort))],
                Observer = failures,
            });
        }
        catch (SocketException e)
        {
            throw new SoftphoneStartException(
                SoftphoneStartException.BadArguments, $"cannot listen on {localAddress} port {options.LocalPort} ({e.SocketErrorCode}); try --local-port 0");
        }

        var phone = new Softphone(options, transport, server, transport.LocalEndPoints[0]);
        failures.Subscribe(phone.ServerUnreachable);
        return phone;
    }

    public void OnRequest(IncomingRequest request)
    {
        lock (_gate)
        {
            Dispatch(request);
        }
    }

    public void OnResponse(ClientTransactionKey transaction, SipResponse response)
    {
        lock (_gate)
        {
            if (transaction == _registerTransaction)
            {
                OnRegisterResponse(response);
            }
            else if (response.IsFinal && _byes.Remove(transaction, out var call) && !response.IsSuccess)
            {
                EventLog.Error($"the BYE of call {call.Number} was answered {response.StatusCode} {response.ReasonPhrase}");
            }
        }
    }

    public void OnTimeout(TransactionKey transaction, TransactionTimer timer) => Unanswered(transaction, "no answer from");

    public void OnTransportError(TransactionKey transaction) => Unanswered(transaction, "cannot reach");

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _timers.StopAll();
            foreach (var call in _active.ToList())
            {
                EndCall(call, $"call {call.Number} dropped: the softphone stopped; {call.Counts}");
            }
        }

        await _stopping.CancelAsync();
        await _transport.DisposeAsync();
        try
        {
            await _pump;
        }
        catch (OperationCanceledException)
        {
            // The pump ends by cancellation.
        }

        await Task.WhenAll(_audioStopping);
        _scheduler.Dispose();
        _stopping.Dispose();
    }

    /// <summary>The connection to the server failed: the REGISTER in flight, if any, fails now rather than after Timer F.</summary>
    /// <remarks>
    /// A refused loopback connection is reported on a socket thread while <see cref="SendRegister"/> may not yet have
    /// stored the transaction it is sending. The socket thread must not block, so the check goes to the pool and takes
    /// the gate there: it then runs after the store, and the failure cannot be missed.
    /// </remarks>
    private void ServerUnreachable() => ThreadPool.QueueUserWorkItem(_ =>
    {
        lock (_gate)
        {
            if (_registerTransaction is { } register)
            {
                _layer.OnTransportError(register);
            }
        }
    });

    private void Unanswered(TransactionKey transaction, string what)
    {
        lock (_gate)
        {
            if (transaction == _registerTransaction)
            {
                RegistrationFailed($"{what} the registrar at {_server}", SoftphoneStartException.Unreachable);
            }
            else if (transaction is ClientTransactionKey bye && _byes.Remove(bye, out var call))
            {
                EventLog.Error($"the BYE of call {call.Number}: {what} {_server}");
            }
        }
    }

    private void Dispatch(IncomingRequest incoming)
    {
        var request = incoming.Request;
        if (incoming.IsAck)
        {
            OnAck(request);
            return;
        }

        var transaction = incoming.Transaction!;
        if (request.To?.Tag is not null)
        {
            InDialog(request, transaction);
            return;
        }

        switch (request.Method)
        {
            case SipMethods.Invite:
                OnInvite(request, transaction);
                break;
            case SipMethods.Options:
                _layer.SendResponse(transaction, WithCapabilities(SipResponse.For(request, 200, toTag: SipTokens.NewTag())));
                break;
            case SipMethods.Bye or SipMethods.Info or SipMethods.Update or SipMethods.Prack:
                _layer.SendResponse(transaction, SipResponse.For(request, 481, toTag: SipTokens.NewTag()));
                break;
            default:
                _layer.SendResponse(transaction, WithCapabilities(SipResponse.For(request, 405, toTag: SipTokens.NewTag())));
                break;
        }
    }

    private static SipResponse WithCapabilities(SipResponse response) =>
        response.WithHeaders(h => h.Add(SipHeaderNames.Allow, Allow).Add(SipHeaderNames.Accept, "application/sdp"));

    private static async Task<IPAddress> ResolveAsync(string host)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return literal;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host);
            return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.First();
        }
        catch (Exception e) when (e is SocketException or InvalidOperationException)
        {
            throw new SoftphoneStartException(SoftphoneStartException.Unreachable, $"cannot resolve the server '{host}' ({e.Message})");
        }
    }

    /// <summary>The local address the system routes to the server through: what Via, Contact and SDP must name.</summary>
    private static IPAddress LocalAddressTowards(IPEndPoint server)
    {
        try
        {
            // Connecting a UDP socket only picks a route; nothing is sent.
            using var probe = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            probe.Connect(server);
            return ((IPEndPoint)probe.LocalEndPoint!).Address;
        }
        catch (SocketException e)
        {
            throw new SoftphoneStartException(SoftphoneStartException.Unreachable, $"no route to the server {server} ({e.SocketErrorCode})");
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var received in _transport.Incoming.ReadAllAsync(_stopping.Token))
            {
                _layer.OnReceived(received);
            }
        }
        catch (ChannelClosedException)
        {
            // The transport closed its channel on dispose.
        }
    }
}
