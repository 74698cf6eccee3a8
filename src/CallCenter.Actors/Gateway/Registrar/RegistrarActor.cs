using System.Globalization;
using Akka.Actor;
using Akka.Event;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Sip.Auth;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transactions;

namespace CallCenter.Actors.Gateway.Registrar;

/// <summary>
/// The registrar (RFC 3261 §10.3) behind the gateway: checks each REGISTER's digest credentials, keeps the agents'
/// bindings, answers through the gateway, and tells each AgentActor where it can be rung and for how long.
/// </summary>
/// <remarks>
/// An unknown account and a wrong password are answered alike (a fresh 401), so accounts cannot be enumerated; failures
/// count per source address and per account, and a banned one gets 403 without its credentials being checked.
/// The AgentActor hears the preferred binding (<see cref="AgentBindings.Preferred"/>) whenever it changes, and
/// Unregister once the phone removed its last one; a registration left to lapse expires on the agent's own timer.
/// </remarks>
public sealed class RegistrarActor : ReceiveActor
{
    private readonly RegistrarSettings _settings;
    private readonly Func<IActorRef> _agents;
    private readonly DigestAuthenticator _authenticator;
    private readonly AuthFailureTracker _failures;
    private readonly Dictionary<AgentId, AgentBindings> _bindings = [];
    private readonly Dictionary<AgentId, (string Contact, DateTimeOffset ExpiresAt)> _told = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public RegistrarActor(RegistrarSettings settings, string realm, Func<IActorRef> agents)
    {
        _settings = settings;
        _agents = agents;
        _authenticator = new DigestAuthenticator(
            new DigestAuthenticatorOptions
            {
                Realm = realm,
                Algorithms = settings.Algorithms,
                NonceLifetime = settings.NonceLifetime,
                UriMatches = DigestUris.Match,
            },
            settings.Credentials,
            settings.Clock);
        _failures = new AuthFailureTracker(settings.Bans, settings.Clock);

        Receive<SipInbound.Request>(r => Register(r.Incoming));
    }

    public static Props Props(RegistrarSettings settings, string realm, Func<IActorRef> agents) =>
        Akka.Actor.Props.Create(() => new RegistrarActor(settings, realm, agents));

    private void Register(IncomingRequest incoming)
    {
        if (incoming.Transaction is not { } transaction)
        {
            return;
        }

        var request = incoming.Request;
        var source = incoming.Remote.Address.Address.ToString();
        var account = request.To?.Uri.UnescapedUser;
        if (_failures.GetStatus(source, account) != AuthBanStatus.None)
        {
            _log.Warning("REGISTER for {Account} from banned {Source} refused", account, source);
            Respond(transaction, SipResponse.For(request, 403, toTag: SipTokens.NewTag()));
            return;
        }

        var verdict = _authenticator.Verify(SipMethods.Register, request.RequestUri.ToString(), request.Headers.Lines(SipHeaderNames.Authorization));
        var bans = _failures.Record(source, verdict);
        switch (verdict)
        {
            case DigestAuthResult.Success success when bans == AuthBanStatus.None:
                Authenticated(transaction, incoming, success.Username, account);
                break;
            case DigestAuthResult.Failure failure:
                _log.Warning("REGISTER from {Source} failed authentication ({Reason}) for {Account}", source, failure.Reason, failure.Username);
                Respond(transaction, bans == AuthBanStatus.None ? Challenge(request, stale: false) : SipResponse.For(request, 403, toTag: SipTokens.NewTag()));
                break;
            case DigestAuthResult.Stale:
                Respond(transaction, Challenge(request, stale: true));
                break;
            case DigestAuthResult.Missing:
                Respond(transaction, Challenge(request, stale: false));
                break;
            default:
                Respond(transaction, SipResponse.For(request, 403, toTag: SipTokens.NewTag()));
                break;
        }
    }

    private void Authenticated(TransactionKey transaction, IncomingRequest incoming, string username, string? account)
    {
        var request = incoming.Request;
        if (!string.Equals(username, account, StringComparison.Ordinal) || !_settings.Agents.Contains(new AgentId(username)))
        {
            // Authenticated, but for another address of record (or an account that is not an agent).
            _log.Warning("{Username} may not register {Account}", username, account);
            Respond(transaction, SipResponse.For(request, 403, toTag: SipTokens.NewTag()));
            return;
        }

        var agentId = new AgentId(username);
        var now = _settings.Clock.GetUtcNow();
        var current = _bindings.GetValueOrDefault(agentId, AgentBindings.Empty);
        switch (RegisterRequest.Read(request, _settings))
        {
            case RegisterRequest.Invalid invalid:
                Respond(transaction, SipResponse.For(request, 400, invalid.Reason, SipTokens.NewTag()));
                return;
            case RegisterRequest.TooBrief brief:
                Respond(transaction, SipResponse.For(request, 423, toTag: SipTokens.NewTag())
                    .WithHeaders(h => h.Add(SipHeaderNames.MinExpires, Seconds(brief.MinExpires))));
                return;
            case var update:
                var reachAt = SipHops.IsBehindNat(request, incoming.Remote) ? incoming.Remote : (Sip.Transport.SipEndPoint?)null;
                var (outcome, next) = current.Apply(update, reachAt, now, _settings.MaxBindings);
                if (outcome != BindingOutcome.Applied)
                {
                    Respond(transaction, SipResponse.For(request, outcome == BindingOutcome.TooMany ? 403 : 500, toTag: SipTokens.NewTag()));
                    return;
                }

                _bindings[agentId] = next;
                TellAgent(agentId, next, now);
                Respond(transaction, Registered(request, next, now));
                return;
        }
    }

    private void TellAgent(AgentId agentId, AgentBindings bindings, DateTimeOffset now)
    {
        if (bindings.Preferred is { } preferred)
        {
            var contact = preferred.AgentContact.ToString();
            if (_told.TryGetValue(agentId, out var told) && told.Contact == contact && told.ExpiresAt == preferred.ExpiresAt)
            {
                return;
            }

            _told[agentId] = (contact, preferred.ExpiresAt);
            _log.Info("Agent {AgentId} registered at {Contact} for {Expires}", agentId, contact, preferred.Remaining(now));
            _agents().Tell(new AgentCommands.Register(agentId, contact, preferred.Remaining(now)), ActorRefs.NoSender);
            return;
        }

        _bindings.Remove(agentId);
        if (_told.Remove(agentId, out var last) && last.ExpiresAt > now)
        {
            _log.Info("Agent {AgentId} unregistered", agentId);
            _agents().Tell(new AgentCommands.Unregister(agentId), ActorRefs.NoSender);
        }
    }

    private SipResponse Challenge(SipRequest request, bool stale)
    {
        var response = SipResponse.For(request, 401, toTag: SipTokens.NewTag());
        return response.WithHeaders(headers =>
        {
            foreach (var challenge in _authenticator.CreateChallenges(stale))
            {
                headers = headers.Add(SipHeaderNames.WwwAuthenticate, challenge.ToString());
            }

            return headers;
        });
    }

    private static SipResponse Registered(SipRequest request, AgentBindings bindings, DateTimeOffset now) =>
        SipResponse.For(request, 200, toTag: SipTokens.NewTag()).WithHeaders(headers =>
        {
            foreach (var binding in bindings.Bindings)
            {
                headers = headers.Add(SipHeaderNames.Contact, binding.ToContactLine(now));
            }

            return headers.Add(SipHeaderNames.Date, now.ToString("r", CultureInfo.InvariantCulture));
        });

    private static string Seconds(TimeSpan time) => ((long)time.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private void Respond(TransactionKey transaction, SipResponse response) =>
        Context.Parent.Tell(new SipOutbound.Respond(transaction, response));
}
