using CallCenter.Sip.Auth;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Registration;

namespace CallCenter.Sip.Tests.Registration;

public class RegistrationClientSpec
{
    private const string Realm = "cc.test";
    private static readonly SipUri Contact = SipUri.Sip("alice", "127.0.0.1", 40000);

    [Theory]
    [InlineData(DigestAlgorithm.Sha256, 401)]
    [InlineData(DigestAlgorithm.Md5, 401)]
    [InlineData(DigestAlgorithm.Sha256, 407)]
    public void RegistrationClient_should_answer_a_challenge_with_credentials_the_server_accepts(DigestAlgorithm algorithm, int status)
    {
        var server = Server(algorithm);
        var client = Client();
        var first = client.Register();
        Assert.False(first.Headers.Contains(SipHeaderNames.Authorization));

        var step = Assert.IsType<RegistrationStep.Resend>(client.OnResponse(Challenge(first, server, status)));

        var header = status == 401 ? SipHeaderNames.Authorization : SipHeaderNames.ProxyAuthorization;
        Assert.IsType<DigestAuthResult.Success>(Verify(server, step.Request, header));
        Assert.Equal(first.CallId, step.Request.CallId);
        Assert.Equal(first.CSeq!.Value.Number + 1, step.Request.CSeq!.Value.Number);
        Assert.NotEqual(first.TopVia!.Branch, step.Request.TopVia!.Branch);
    }

    [Fact]
    public void RegistrationClient_should_give_up_after_the_allowed_number_of_challenges()
    {
        var server = Server(DigestAlgorithm.Md5);
        var client = Client(password: "wrong");
        var request = client.Register();
        RegistrationStep step;
        var sent = 1;
        while ((step = client.OnResponse(Challenge(request, server, 401))) is RegistrationStep.Resend resend)
        {
            Assert.IsType<DigestAuthResult.Failure>(Verify(server, resend.Request, SipHeaderNames.Authorization));
            request = resend.Request;
            sent++;
        }

        var failed = Assert.IsType<RegistrationStep.Failed>(step);
        Assert.Equal(401, failed.StatusCode);
        Assert.Contains("authentication failed", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(1 + RegistrationClient.DefaultMaxChallenges, sent);
    }

    [Fact]
    public void RegistrationClient_should_answer_stale_challenges_without_counting_them_as_refusals()
    {
        var server = Server(DigestAlgorithm.Md5);
        var client = Client();
        var request = client.Register();
        for (var i = 0; i < RegistrationClient.DefaultMaxChallenges + 2; i++)
        {
            request = Assert.IsType<RegistrationStep.Resend>(client.OnResponse(Challenge(request, server, 401, stale: i > 0))).Request;
        }

        Assert.IsType<DigestAuthResult.Success>(Verify(server, request, SipHeaderNames.Authorization));
    }

    [Fact]
    public void RegistrationClient_should_raise_its_expiry_to_the_registrars_Min_Expires()
    {
        var client = Client(expires: TimeSpan.FromSeconds(30));
        var request = client.Register();

        var tooBrief = SipResponse.For(request, 423).WithHeaders(h => h.Add(SipHeaderNames.MinExpires, "120"));
        var resend = Assert.IsType<RegistrationStep.Resend>(client.OnResponse(tooBrief));

        Assert.Equal(120, resend.Request.Expires);
        Assert.Equal("120", resend.Request.Contacts[0].Parameters["expires"]);
        var again = SipResponse.For(resend.Request, 423).WithHeaders(h => h.Add(SipHeaderNames.MinExpires, "120"));
        Assert.Equal(423, Assert.IsType<RegistrationStep.Failed>(client.OnResponse(again)).StatusCode);
    }

    [Fact]
    public void RegistrationClient_should_read_the_granted_expiry_of_its_own_contact()
    {
        var client = Client(expires: TimeSpan.FromSeconds(3600));
        var request = client.Register();
        var ok = SipResponse.For(request, 200).WithHeaders(h => h
            .Add(SipHeaderNames.Contact, "<sip:alice@10.0.0.9:5060>;expires=3000")
            .Add(SipHeaderNames.Contact, $"<{Contact}>;expires=600")
            .Add(SipHeaderNames.Expires, "3600"));

        var registered = Assert.IsType<RegistrationStep.Registered>(client.OnResponse(ok));

        Assert.Equal(TimeSpan.FromSeconds(600), registered.Expires);
        Assert.Equal(TimeSpan.FromSeconds(600 - 32), registered.RefreshIn);
    }

    [Fact]
    public void RegistrationClient_should_reuse_the_last_challenge_on_a_refresh_and_unregister_with_expires_zero()
    {
        var server = Server(DigestAlgorithm.Sha256);
        var client = Client();
        var first = client.Register();
        var answered = Assert.IsType<RegistrationStep.Resend>(client.OnResponse(Challenge(first, server, 401))).Request;
        Assert.IsType<RegistrationStep.Registered>(client.OnResponse(SipResponse.For(answered, 200)));

        var refresh = client.Register();
        var unregister = client.Unregister();

        Assert.IsType<DigestAuthResult.Success>(Verify(server, refresh, SipHeaderNames.Authorization));
        Assert.Equal(0, unregister.Expires);
        Assert.Equal("0", unregister.Contacts[0].Parameters["expires"]);
        Assert.IsType<RegistrationStep.Pending>(client.OnResponse(SipResponse.For(refresh, 200)));
        Assert.IsType<RegistrationStep.Unregistered>(client.OnResponse(SipResponse.For(unregister, 200)));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(503)]
    public void RegistrationClient_should_fail_on_a_final_refusal(int status)
    {
        var client = Client();
        var request = client.Register();

        Assert.IsType<RegistrationStep.Pending>(client.OnResponse(SipResponse.For(request, 100)));
        Assert.Equal(status, Assert.IsType<RegistrationStep.Failed>(client.OnResponse(SipResponse.For(request, status))).StatusCode);
    }

    [Theory]
    [InlineData(3600, 3568)]
    [InlineData(60, 30)]
    [InlineData(10, 5)]
    public void RefreshDelay_should_leave_a_transaction_time_before_expiry_but_never_pass_half_way(int granted, int refreshAfter) =>
        Assert.Equal(TimeSpan.FromSeconds(refreshAfter), RegistrationClient.RefreshDelay(TimeSpan.FromSeconds(granted)));

    private static RegistrationClient Client(string password = "secret", TimeSpan? expires = null) =>
        new(new RegistrationAccount("alice", password, Realm), Contact, new LocalSentBy("UDP", "127.0.0.1", 40000), expires ?? TimeSpan.FromSeconds(300));

    private static DigestAuthenticator Server(DigestAlgorithm algorithm) =>
        new(
            new DigestAuthenticatorOptions { Realm = Realm, Algorithms = [algorithm] },
            InMemoryDigestCredentialStore.FromPasswords(Realm, [("alice", "secret")]),
            TimeProvider.System);

    private static SipResponse Challenge(SipRequest request, DigestAuthenticator server, int status, bool stale = false)
    {
        var header = status == 401 ? SipHeaderNames.WwwAuthenticate : SipHeaderNames.ProxyAuthenticate;
        return SipResponse.For(request, status, toTag: "t")
            .WithHeaders(h => server.CreateChallenges(stale).Aggregate(h, (headers, c) => headers.Add(header, c.ToString())));
    }

    private static DigestAuthResult Verify(DigestAuthenticator server, SipRequest request, string header) =>
        server.Verify(SipMethods.Register, request.RequestUri.ToString(), request.Headers.Lines(header));
}
