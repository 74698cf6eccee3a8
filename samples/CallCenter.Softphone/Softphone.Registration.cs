using System.Globalization;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Registration;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Softphone;

internal sealed partial class Softphone
{
    private const string RefreshTimer = "refresh";
    private const string FirstRegistrationTimer = "first-registration";

    // After a failed refresh the binding may still hold for a while; try again soon, without hammering the server.
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    // Over TCP the center reaches us on the connection we registered over (its source port is not our listening
    // port), and both transports close a connection idle for 5 minutes: refreshing sooner keeps it open.
    private static readonly TimeSpan TcpRefresh = TimeSpan.FromMinutes(4);

    // A registrar asking us to wait longer than this is as good as refusing: the user had better be told.
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromMinutes(2);

    private readonly RegistrationClient _registration;
    private readonly GatedTimers _timers;
    private readonly TaskCompletionSource<SoftphoneStartException?> _firstRegistration = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _unregistered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ClientTransactionKey? _registerTransaction;
    private bool _registered;
    private bool _unregistering;
    private TimeSpan _registrationTimeout;

    private string Account => $"{_options.User}@{_options.Domain}";

    /// <summary>
    /// Registers; completes with null once registered, or with why not (refused, no answer within <paramref name="timeout"/>
    /// of the last REGISTER: a registrar that answers 503 with Retry-After is asked again when it says).
    /// </summary>
    public Task<SoftphoneStartException?> RegisterAsync(TimeSpan timeout)
    {
        lock (_gate)
        {
            _registrationTimeout = timeout;
            SendRegister(_registration.Register());
            AwaitFirstRegistration(timeout);
        }

        return _firstRegistration.Task;
    }

    /// <summary>Removes our binding (Expires: 0) and waits for the answer, at most <paramref name="timeout"/>.</summary>
    public async Task UnregisterAsync(TimeSpan timeout)
    {
        lock (_gate)
        {
            _timers.Stop(RefreshTimer);
            if (!_registered)
            {
                return;
            }

            _unregistering = true;
            SendRegister(_registration.Unregister());
        }

        if (await Task.WhenAny(_unregistered.Task, Task.Delay(timeout)) != _unregistered.Task)
        {
            EventLog.Error($"no answer to the unregistration of {Account} within {timeout.TotalSeconds:0} s; the binding will expire on its own");
        }
    }

    private void SendRegister(SipRequest request) => _registerTransaction = _layer.SendRequest(request, _server);

    private void OnRegisterResponse(SipResponse response)
    {
        switch (_registration.OnResponse(response))
        {
            case RegistrationStep.Resend resend:
                SendRegister(resend.Request);
                break;
            case RegistrationStep.Registered registered:
                var refreshIn = _options.Transport == SipProtocol.Tcp && registered.RefreshIn > TcpRefresh ? TcpRefresh : registered.RefreshIn;
                EventLog.Event(
                    $"{(_registered ? "registration refreshed" : "registered")} {Account} at {_contact} for {registered.Expires.TotalSeconds:0} s"
                    + $" (refresh in {refreshIn.TotalSeconds:0} s)");
                _registered = true;
                _timers.Stop(FirstRegistrationTimer);
                _firstRegistration.TrySetResult(null);
                if (!_unregistering)
                {
                    _timers.Start(RefreshTimer, refreshIn, () => SendRegister(_registration.Register()));
                }

                break;
            case RegistrationStep.Unregistered:
                _registered = false;
                EventLog.Event($"unregistered {Account}");
                _unregistered.TrySetResult();
                break;
            case RegistrationStep.Failed { StatusCode: 503 } when !_unregistering && RetryAfter(response) is { } wait:
                RegistrarBusy(wait);
                break;
            case RegistrationStep.Failed failed:
                RegistrationFailed(failed.Reason, SoftphoneStartException.Refused);
                break;
        }
    }

    /// <summary>
    /// 503 with Retry-After (RFC 3261 §21.5.4): the registrar is overloaded or moving our binding, not refusing us, so
    /// the REGISTER goes again when it says, and a first registration waits for that one's answer.
    /// </summary>
    private void RegistrarBusy(TimeSpan wait)
    {
        _registerTransaction = null;
        EventLog.Event($"the registrar is busy (503): registering {Account} again in {wait.TotalSeconds:0} s");
        _timers.Start(RefreshTimer, wait, () => SendRegister(_registration.Register()));
        if (!_registered)
        {
            AwaitFirstRegistration(wait + _registrationTimeout);
        }
    }

    private void AwaitFirstRegistration(TimeSpan within) =>
        _timers.Start(FirstRegistrationTimer, within, () => _firstRegistration.TrySetResult(new SoftphoneStartException(
            SoftphoneStartException.Unreachable,
            $"no answer from the registrar at {_server} within {_registrationTimeout.TotalSeconds:0} s; is the server running there?")));

    /// <summary>Retry-After's delta-seconds (§20.33: a comment or parameters may follow); null when absent, unreadable or too long.</summary>
    private static TimeSpan? RetryAfter(SipResponse response)
    {
        var text = (response.Headers.First(SipHeaderNames.RetryAfter) ?? "").AsSpan().TrimStart();
        var digits = text.IndexOfAnyExceptInRange('0', '9') is var end and >= 0 ? text[..end] : text;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        // Retry-After: 0 would mean at once; a second keeps a confused registrar from being hammered.
        var wait = TimeSpan.FromSeconds(Math.Max(seconds, 1));
        return wait <= LongestRetryAfter ? wait : null;
    }

    private void RegistrationFailed(string reason, int exitCode)
    {
        _registerTransaction = null;
        if (_unregistering)
        {
            EventLog.Error($"unregistration of {Account} failed: {reason}");
            _unregistered.TrySetResult();
        }
        else if (!_registered)
        {
            _firstRegistration.TrySetResult(new SoftphoneStartException(exitCode, $"registration of {Account} failed: {reason}"));
        }
        else
        {
            EventLog.Error($"registration refresh of {Account} failed: {reason}; trying again in {RetryAfterFailure.TotalSeconds:0} s");
            _timers.Start(RefreshTimer, RetryAfterFailure, () => SendRegister(_registration.Register()));
        }
    }
}
