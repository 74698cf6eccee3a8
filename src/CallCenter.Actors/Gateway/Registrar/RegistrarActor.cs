using System.Globalization;
using Akka.Actor;
using Akka.Event;
using CallCenter.Actors.Agents;
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
/// A REGISTER that changes what the agent was told is answered once the agent's entity has taken it (its answer to a
/// state query sent right behind), or 503 with Retry-After when it stays silent, so a phone whose agent's shard is moving
/// retries soon instead of believing itself registered.
/// </remarks>
public sealed class RegistrarActor : ReceiveActor, IWithTimers
{
    private readonly RegistrarSettings _settings;
    private readonly Func<IActorRef> _agents;
    private readonly DigestAuthenticator _authenticator;
    private readonly AuthFailureTracker _failures;
    private readonly Dictionary<AgentId, AgentBindings> _bindings = [];
    private readonly Dictionary<AgentId, (string Contact, DateTimeOffset ExpiresAt)> _told = [];
    private readonly PendingRegistrations _pending = new();
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
        Receive<AgentQueries.AgentStateResult>(r => AgentTook(r.State.AgentId));
        Receive<AgentSilent>(silent => AgentStayedSilent(silent.Transaction));
    }

    public ITimerScheduler Timers { get; set; } = null!;

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
                var registered = Registered(request, next, now);
                if (TellAgent(agentId, next, now))
                {
                    // Right behind the command on the same path, so its answer means the command was handled.
                    _agents().Tell(new AgentQueries.GetAgentState(agentId), Self);
                    _pending.Add(new PendingRegistrations.Pending(transaction, agentId, request, registered, current, next));
                    Timers.StartSingleTimer(transaction, new AgentSilent(transaction), _settings.AgentAnswerTimeout);
                    return;
                }

                Respond(transaction, registered);
                return;
        }
    }

    /// <summary>Tells the agent's entity its new preferred binding, or that it has none; false when it knew already.</summary>
    private bool TellAgent(AgentId agentId, AgentBindings bindings, DateTimeOffset now)
    {
        if (bindings.Preferred is { } preferred)
        {
            var contact = preferred.AgentContact.ToString();
            if (_told.TryGetValue(agentId, out var told) && told.Contact == contact && told.ExpiresAt == preferred.ExpiresAt)
            {
                return false;
            }

            _told[agentId] = (contact, preferred.ExpiresAt);
            _log.Info("Agent {AgentId} registered at {Contact} for {Expires}", agentId, contact, preferred.Remaining(now));
            _agents().Tell(new AgentCommands.Register(agentId, contact, preferred.Remaining(now)), ActorRefs.NoSender);
            return true;
        }

        _bindings.Remove(agentId);
        if (_told.Remove(agentId, out var last) && last.ExpiresAt > now)
        {
            _log.Info("Agent {AgentId} unregistered", agentId);
            _agents().Tell(new AgentCommands.Unregister(agentId), ActorRefs.NoSender);
            return true;
        }

        return false;
    }

    // Answers come in the order the queries went (one sender, one entity), so the oldest pending REGISTER is the one answered.
    private void AgentTook(AgentId agentId)
    {
        if (_pending.TakeOldest(agentId) is { } pending)
        {
            Timers.Cancel(pending.Transaction);
            Respond(pending.Transaction, pending.Answer);
        }
    }

    private void AgentStayedSilent(TransactionKey transaction)
    {
        if (_pending.Take(transaction) is not { } pending)
        {
            return;
        }

        // The phone will send this REGISTER again: forget what the entity may never have heard, so that it is told then,
        // and put back the bindings unless a later REGISTER replaced them already.
        _told.Remove(pending.AgentId);
        if (ReferenceEquals(_bindings.GetValueOrDefault(pending.AgentId), pending.Applied))
        {
            _bindings[pending.AgentId] = pending.Before;
        }

        _log.Warning("Agent {AgentId} did not answer within {Timeout} (its shard may be moving): REGISTER answered 503", pending.AgentId, _settings.AgentAnswerTimeout);
        var unavailable = SipResponse.For(pending.Request, 503, toTag: SipTokens.NewTag());
        Respond(transaction, unavailable.WithHeaders(h => h.Add(SipHeaderNames.RetryAfter, Seconds(_settings.RetryAfter))));
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

    private sealed record AgentSilent(TransactionKey Transaction);
}
