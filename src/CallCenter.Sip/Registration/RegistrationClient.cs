using System.Globalization;
using CallCenter.Sip.Auth;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Registration;

/// <summary>
/// The UA side of registration (RFC 3261 §10.2) as a pure state machine: builds each REGISTER (one Call-ID, CSeq up
/// by one per request), answers 401 / 407 digest challenges (MD5 or SHA-256, stale=true without counting it as a
/// refusal), follows 423 Min-Expires, and says how long the binding holds and when to refresh it. It sends nothing;
/// its owner hands the requests to a client transaction and feeds every response back. Not thread-safe.
/// </summary>
public sealed class RegistrationClient
{
    /// <summary>Challenges answered for one round beyond which the credentials count as wrong.</summary>
    public const int DefaultMaxChallenges = 3;

    /// <summary>Stale nonces are not the user's fault, but a server repeating stale=true forever must not loop us.</summary>
    private const int MaxStaleChallenges = 5;

    // Timer F (64·T1): a refresh sent this long before expiry still gets all its retransmissions in time.
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(32);

    private readonly RegistrationAccount _account;
    private readonly SipUri _contact;
    private readonly LocalSentBy _sentBy;
    private readonly DigestClient _digest;
    private readonly int _maxChallenges;
    private readonly string _callId;
    private readonly string _fromTag = SipTokens.NewTag();
    private (string Header, DigestChallenge Challenge)? _lastChallenge;
    private long _sequence;
    private int _challenges;
    private int _staleChallenges;
    private bool _unregistering;

    public RegistrationClient(
        RegistrationAccount account, SipUri contact, LocalSentBy sentBy, TimeSpan expires, DigestClient? digest = null,
        int maxChallenges = DefaultMaxChallenges)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(sentBy);
        ArgumentOutOfRangeException.ThrowIfLessThan(expires, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChallenges, 1);
        _account = account;
        _contact = contact;
        _sentBy = sentBy;
        _digest = digest ?? new DigestClient();
        _maxChallenges = maxChallenges;
        _callId = SipTokens.NewCallId(sentBy.Host);
        RequestedExpires = expires;
    }

    /// <summary>The expiry asked for; raised by a 423's Min-Expires.</summary>
    public TimeSpan RequestedExpires { get; private set; }

    /// <summary>The REGISTER last built: the one whose response <see cref="OnResponse"/> waits for.</summary>
    public SipRequest? Current { get; private set; }

    /// <summary>
    /// When to refresh a binding granted for <paramref name="granted"/>: early enough for a whole non-INVITE
    /// transaction (32 s) before expiry, and never later than half-way, so short registrations refresh in time too.
    /// </summary>
    public static TimeSpan RefreshDelay(TimeSpan granted)
    {
        var margin = granted / 2 < RefreshMargin ? granted / 2 : RefreshMargin;
        return granted - margin;
    }

    /// <summary>A REGISTER adding (or refreshing) our Contact; starts a new round of challenges.</summary>
    public SipRequest Register()
    {
        _unregistering = false;
        return StartRound();
    }

    /// <summary>A REGISTER removing our Contact (expires 0).</summary>
    public SipRequest Unregister()
    {
        _unregistering = true;
        return StartRound();
    }

    /// <summary>Reads the registrar's response to <see cref="Current"/>; anything else is <see cref="RegistrationStep.Pending"/>.</summary>
    public RegistrationStep OnResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsProvisional || Current is null || response.CallId != _callId || response.CSeq?.Number != _sequence)
        {
            return RegistrationStep.Pending.Instance;
        }

        return response.StatusCode switch
        {
            >= 200 and < 300 => Succeeded(response),
            401 => Challenged(response, SipHeaderNames.WwwAuthenticate, SipHeaderNames.Authorization),
            407 => Challenged(response, SipHeaderNames.ProxyAuthenticate, SipHeaderNames.ProxyAuthorization),
            423 => TooBrief(response),
            _ => new RegistrationStep.Failed(response.StatusCode, $"{response.StatusCode} {response.ReasonPhrase}"),
        };
    }

    private SipRequest StartRound()
    {
        _challenges = 0;
        _staleChallenges = 0;
        return Build();
    }

    private RegistrationStep Succeeded(SipResponse response)
    {
        if (_unregistering)
        {
            return RegistrationStep.Unregistered.Instance;
        }

        var granted = GrantedExpires(response);
        return granted <= TimeSpan.Zero
            ? new RegistrationStep.Failed(response.StatusCode, "the registrar answered 2xx but kept no binding for our contact")
            : new RegistrationStep.Registered(granted, RefreshDelay(granted));
    }

    private RegistrationStep Challenged(SipResponse response, string challengeHeader, string credentialsHeader)
    {
        if (!DigestClient.TrySelectChallenge(response.Headers.Lines(challengeHeader), out var challenge))
        {
            return new RegistrationStep.Failed(response.StatusCode, $"{response.StatusCode} without a digest challenge this client can answer");
        }

        if (challenge.Stale ? ++_staleChallenges > MaxStaleChallenges : ++_challenges > _maxChallenges)
        {
            return new RegistrationStep.Failed(
                response.StatusCode,
                $"authentication failed: the registrar refused the credentials of {_account.User}@{_account.Domain} {_challenges - 1} times;"
                + " check the user name and password");
        }

        _lastChallenge = (credentialsHeader, challenge);
        var reason = challenge.Stale ? "stale nonce" : $"{response.StatusCode} {challenge.Algorithm.ToToken()} challenge";
        return new RegistrationStep.Resend(Build(), reason);
    }

    private RegistrationStep TooBrief(SipResponse response)
    {
        var minimum = response.Headers.First(SipHeaderNames.MinExpires) is { } text
            && int.TryParse(text.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.Zero;
        if (minimum <= RequestedExpires)
        {
            return new RegistrationStep.Failed(423, "423 Interval Too Brief without a usable, larger Min-Expires");
        }

        RequestedExpires = minimum;
        return new RegistrationStep.Resend(Build(), $"423: Min-Expires {(long)minimum.TotalSeconds} s");
    }

    /// <summary>Our Contact's expires parameter in the 2xx, else its Expires header, else what we asked for (§10.2.4).</summary>
    private TimeSpan GrantedExpires(SipResponse response)
    {
        foreach (var contact in response.Contacts)
        {
            if (IsOurContact(contact.Uri))
            {
                return int.TryParse(contact.Parameters.Unquoted("expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                    ? TimeSpan.FromSeconds(seconds)
                    : response.Expires is { } header ? TimeSpan.FromSeconds(header) : RequestedExpires;
            }
        }

        // A registrar listing other contacts but not ours kept no binding for us.
        return response.Contacts.Count > 0 ? TimeSpan.Zero
            : response.Expires is { } expires ? TimeSpan.FromSeconds(expires) : RequestedExpires;
    }

    private bool IsOurContact(SipUri uri) =>
        string.Equals(uri.User, _contact.User, StringComparison.Ordinal)
        && string.Equals(uri.Host, _contact.Host, StringComparison.OrdinalIgnoreCase)
        && (uri.Port ?? 5060) == (_contact.Port ?? 5060);

    private SipRequest Build()
    {
        _sequence++;
        var expires = _unregistering ? "0" : ((long)RequestedExpires.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var aor = new NameAddress(_account.AddressOfRecord);
        var requestUri = _account.RegistrarUri;
        var headers = new List<SipHeader>(10)
        {
            new(SipHeaderNames.Via, _sentBy.NewVia().ToString()),
            new(SipHeaderNames.MaxForwards, SipDialog.MaxForwardsValue.ToString(CultureInfo.InvariantCulture)),
            new(SipHeaderNames.From, aor.WithTag(_fromTag).ToString()),
            new(SipHeaderNames.To, aor.ToString()),
            new(SipHeaderNames.CallId, _callId),
            new(SipHeaderNames.CSeq, new CSeq(_sequence, SipMethods.Register).ToString()),
            new(SipHeaderNames.Contact, new NameAddress(_contact).WithParameter("expires", expires).ToString()),
            new(SipHeaderNames.Expires, expires),
        };

        // Later REGISTERs answer the last challenge at once (nc counts up): one round trip per refresh, not two.
        if (_lastChallenge is var (header, challenge)
            && _digest.TryAuthorize(challenge, _account.User, _account.Password, SipMethods.Register, requestUri.ToString(), out var credentials))
        {
            headers.Add(new SipHeader(header, credentials.ToString()));
        }

        Current = new SipRequest(SipMethods.Register, requestUri, new SipHeaders(headers));
        return Current;
    }
}
