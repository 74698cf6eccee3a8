using Akka.Actor;
using Akka.TestKit;
using CallCenter.Actors.Agents;
using CallCenter.Actors.Gateway;
using CallCenter.Actors.Gateway.Registrar;
using CallCenter.Actors.Tests.Kit;
using CallCenter.Domain;
using CallCenter.Domain.Agents;
using CallCenter.Sip.Auth;
using CallCenter.Sip.Messages;
using Xunit.Abstractions;
using static CallCenter.Actors.Tests.Gateway.GatewayText;

namespace CallCenter.Actors.Tests.Gateway;

/// <summary>The registrar behind the gateway: the test actor is its parent (the gateway) and a probe its agents, which
/// confirms each new binding as an agent entity does (it answers the state query sent behind the command).</summary>
public sealed class RegistrarActorSpec : ActorSpec
{
    private const string Realm = "cc.example";
    private const string RequestUri = "sip:cc.example";
    private readonly TestProbe _agents;
    private readonly DigestClient _client = new();

    public RegistrarActorSpec(ITestOutputHelper output)
        : base(output)
    {
        _agents = CreateTestProbe("agents");
        _agents.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            if (message is AgentQueries.GetAgentState query)
            {
                sender.Tell(new AgentQueries.AgentStateResult(new AgentState(query.AgentId)));
            }

            return AutoPilot.KeepRunning;
        }));
        _agents.IgnoreMessages<AgentQueries.GetAgentState>();
    }

    [Fact]
    public async Task Registrar_should_answer_503_with_retry_after_while_the_agent_entity_is_unreachable_and_tell_it_again_on_the_retry()
    {
        // The agents region of a cluster whose shard for alice is on a node that died and is not downed yet: never answers.
        var unreachable = CreateTestProbe("unreachable-agents");
        var registrar = Start(agents: unreachable);
        var challenge = await Send(registrar, Register("alice"));

        registrar.Tell(new SipInbound.Request(Incoming(Register("alice", cseq: 2, authorization: Answer(challenge, DigestAlgorithm.Md5, "alice", "secret")))), TestActor);
        await unreachable.ExpectMsgAsync<AgentCommands.Register>();
        Assert.Equal(new AgentId("alice"), (await unreachable.ExpectMsgAsync<AgentQueries.GetAgentState>()).AgentId);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        var wait = TimeSpan.FromSeconds(10); // RegistrarSettings.AgentAnswerTimeout by default
        Advance(wait - TimeSpan.FromSeconds(0.1));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Advance(TimeSpan.FromSeconds(0.1));

        var unavailable = (await ExpectMsgAsync<SipOutbound.Respond>()).Response;
        Assert.Equal(503, unavailable.StatusCode);
        Assert.Equal(["10"], unavailable.Headers.Lines(SipHeaderNames.RetryAfter).ToArray());
        Assert.NotNull(unavailable.To?.Tag);

        // The phone retries once the shard has moved: the entity hears the same binding again (it may never have had it) and answers.
        registrar.Tell(new SipInbound.Request(Incoming(Register("alice", cseq: 3, authorization: Answer(challenge, DigestAlgorithm.Md5, "alice", "secret")))), TestActor);
        Assert.Equal("<sip:alice@10.0.0.5:5062>", (await unreachable.ExpectMsgAsync<AgentCommands.Register>()).Contact);
        await unreachable.ExpectMsgAsync<AgentQueries.GetAgentState>();
        unreachable.Reply(new AgentQueries.AgentStateResult(new AgentState(new AgentId("alice"))));
        var ok = (await ExpectMsgAsync<SipOutbound.Respond>()).Response;
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(["<sip:alice@10.0.0.5:5062>;expires=3600"], ok.Headers.Lines(SipHeaderNames.Contact).ToArray());
    }

    [Fact]
    public async Task Registrar_should_challenge_with_sha256_then_md5_when_credentials_are_missing()
    {
        var registrar = Start();

        var challenge = await Send(registrar, Register("alice"));

        Assert.Equal(401, challenge.StatusCode);
        var offered = challenge.Headers.Lines(SipHeaderNames.WwwAuthenticate).Select(ParseChallenge).ToArray();
        Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], offered.Select(c => c.Algorithm).ToArray());
        Assert.All(offered, c => Assert.Equal(Realm, c.Realm));
        Assert.NotNull(challenge.To?.Tag);
        await _agents.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5)]
    [InlineData(DigestAlgorithm.Sha256)]
    public async Task Registrar_should_register_an_agent_with_the_right_password_and_tell_its_actor(DigestAlgorithm algorithm)
    {
        var registrar = Start();
        var challenge = await Send(registrar, Register("alice"));

        var ok = await Send(registrar, Register("alice", cseq: 2, authorization: Answer(challenge, algorithm, "alice", "secret")));

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(["<sip:alice@10.0.0.5:5062>;expires=3600"], ok.Headers.Lines(SipHeaderNames.Contact).ToArray());
        var register = await _agents.ExpectMsgAsync<AgentCommands.Register>();
        Assert.Equal((new AgentId("alice"), "<sip:alice@10.0.0.5:5062>", TimeSpan.FromHours(1)), (register.AgentId, register.Contact, register.Expires));
    }

    [Fact]
    public async Task Registrar_should_answer_a_wrong_password_and_an_unknown_user_alike()
    {
        var registrar = Start();

        var wrong = await Send(registrar, Register("alice", cseq: 2, authorization: Answer(await Send(registrar, Register("alice")), DigestAlgorithm.Md5, "alice", "guess")));
        var unknown = await Send(registrar, Register("mallory", cseq: 2, authorization: Answer(await Send(registrar, Register("mallory")), DigestAlgorithm.Md5, "mallory", "guess")));

        foreach (var refusal in new[] { wrong, unknown })
        {
            Assert.Equal(401, refusal.StatusCode);
            var offered = refusal.Headers.Lines(SipHeaderNames.WwwAuthenticate).Select(ParseChallenge).ToArray();
            Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], offered.Select(c => c.Algorithm).ToArray());
            Assert.All(offered, c => Assert.False(c.Stale));
        }

        await _agents.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Registrar_should_answer_423_with_min_expires_to_a_registration_too_brief()
    {
        var registrar = Start();
        var challenge = await Send(registrar, Register("alice", expires: "30"));

        var brief = await Send(registrar, Register("alice", cseq: 2, expires: "30", authorization: Answer(challenge, DigestAlgorithm.Md5, "alice", "secret")));

        Assert.Equal(423, brief.StatusCode);
        Assert.Equal("60", brief.Headers.First(SipHeaderNames.MinExpires));
        await _agents.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Registrar_should_unregister_the_agent_once_its_last_contact_is_removed()
    {
        var registrar = Start();
        await RegisterAsync(registrar, "alice", cseq: 1, contact: "<sip:{0}@10.0.0.5:5062>, <sip:{0}@10.0.0.6:5060>;expires=60");
        await _agents.ExpectMsgAsync<AgentCommands.Register>();

        var one = await RegisterAsync(registrar, "alice", cseq: 3, contact: "<sip:{0}@10.0.0.5:5062>", expires: "0");
        var all = await RegisterAsync(registrar, "alice", cseq: 5, contact: "*", expires: "0");

        Assert.Equal(["<sip:alice@10.0.0.6:5060>;expires=60"], one.Headers.Lines(SipHeaderNames.Contact).ToArray());
        Assert.Equal("<sip:alice@10.0.0.6:5060>", (await _agents.ExpectMsgAsync<AgentCommands.Register>()).Contact);
        Assert.Equal(200, all.StatusCode);
        Assert.Empty(all.Headers.Lines(SipHeaderNames.Contact));
        Assert.Equal(new AgentId("alice"), (await _agents.ExpectMsgAsync<AgentCommands.Unregister>()).AgentId);
    }

    [Fact]
    public async Task Registrar_should_reach_a_phone_behind_nat_where_its_register_came_from()
    {
        var registrar = Start();

        await RegisterAsync(registrar, "alice", cseq: 1, contact: "<sip:{0}@192.168.1.20:5060>", viaHost: "192.168.1.20:5060");

        Assert.Equal(
            "<sip:alice@192.168.1.20:5060>;received=\"sip:10.0.0.5:5062;transport=udp\"",
            (await _agents.ExpectMsgAsync<AgentCommands.Register>()).Contact);
    }

    [Fact]
    public async Task Registrar_should_refuse_an_agent_registering_someone_elses_address()
    {
        var registrar = Start();
        var challenge = await Send(registrar, Register("bob"));

        // Alice's own credentials, offered for bob's address of record.
        var credentials = Answer(challenge, DigestAlgorithm.Md5, "alice", "secret");
        var refused = await Send(registrar, Register("bob", cseq: 2, authorization: credentials));

        Assert.Equal(403, refused.StatusCode);
        await _agents.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Registrar_should_refuse_a_banned_source_even_with_the_right_password()
    {
        var registrar = Start(new AuthFailureTrackerOptions { SourceBanThreshold = 3, AccountBanThreshold = 100 });
        var aliceChallenge = await Send(registrar, Register("alice"));
        var answers = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var challenge = await Send(registrar, Register("bob", cseq: 2 * i + 1));
            answers.Add((await Send(registrar, Register("bob", cseq: 2 * i + 2, authorization: Answer(challenge, DigestAlgorithm.Md5, "bob", "guess")))).StatusCode);
        }

        var refused = await Send(registrar, Register("alice", cseq: 9, authorization: Answer(aliceChallenge, DigestAlgorithm.Md5, "alice", "secret")));

        Assert.Equal([401, 401, 403], answers.ToArray());
        Assert.Equal(403, refused.StatusCode);
        Assert.Equal(403, (await Send(registrar, Register("alice", cseq: 10))).StatusCode);
        await _agents.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    private IActorRef Start(AuthFailureTrackerOptions? bans = null, TestProbe? agents = null)
    {
        var settings = new RegistrarSettings
        {
            Credentials = InMemoryDigestCredentialStore.FromPasswords(Realm, [("alice", "secret"), ("bob", "other")]),
            Agents = [new AgentId("alice"), new AgentId("bob")],
            Bans = bans ?? new AuthFailureTrackerOptions(),
            Clock = Clock,
        };
        var agentsRef = (agents ?? _agents).Ref;
        return ChildActorOf(RegistrarActor.Props(settings, Realm, () => agentsRef));
    }

    private async Task<SipResponse> RegisterAsync(
        IActorRef registrar, string user, int cseq, string contact, string expires = "3600", string viaHost = "10.0.0.5:5062")
    {
        var challenge = await Send(registrar, Register(user, cseq, contact, expires, viaHost: viaHost));
        var ok = await Send(registrar, Register(user, cseq + 1, contact, expires, Answer(challenge, DigestAlgorithm.Md5, user, "secret"), viaHost));
        Assert.Equal(200, ok.StatusCode);
        return ok;
    }

    private async Task<SipResponse> Send(IActorRef registrar, SipRequest request)
    {
        var incoming = Incoming(request);
        registrar.Tell(new SipInbound.Request(incoming), TestActor);
        var respond = await ExpectMsgAsync<SipOutbound.Respond>();
        Assert.Equal(incoming.Transaction, respond.Transaction);
        return respond.Response;
    }

    private string Answer(SipResponse challenge, DigestAlgorithm algorithm, string user, string password)
    {
        var offered = challenge.Headers.Lines(SipHeaderNames.WwwAuthenticate).Select(ParseChallenge).Single(c => c.Algorithm == algorithm);
        Assert.True(_client.TryAuthorize(offered, user, password, SipMethods.Register, RequestUri, out var credentials));
        return credentials.ToString();
    }

    private static DigestChallenge ParseChallenge(string value)
    {
        Assert.True(DigestChallenge.TryParse(value, out var challenge));
        return challenge;
    }
}
