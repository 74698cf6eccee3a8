using CallCenter.Actors.Gateway.Registrar;
using CallCenter.Sip.Auth;
using static CallCenter.Actors.Tests.Gateway.GatewayText;

namespace CallCenter.Actors.Tests.Gateway;

public sealed class RegisterRequestSpec
{
    private static readonly RegistrarSettings Settings = new()
    {
        Credentials = new InMemoryDigestCredentialStore([]),
        MinExpires = TimeSpan.FromSeconds(60),
        MaxExpires = TimeSpan.FromSeconds(3600),
        DefaultExpires = TimeSpan.FromSeconds(1800),
    };

    [Fact]
    public void RegisterRequest_should_take_the_contact_expires_over_the_header()
    {
        var update = Read(Register("alice", contact: "<sip:alice@10.0.0.5:5062>;expires=120", expires: "600"));

        Assert.Equal(TimeSpan.FromSeconds(120), Assert.Single(update.Contacts).Expires);
    }

    [Fact]
    public void RegisterRequest_should_take_the_header_then_the_default_expires()
    {
        Assert.Equal(TimeSpan.FromSeconds(600), Assert.Single(Read(Register("alice", expires: "600")).Contacts).Expires);
        Assert.Equal(TimeSpan.FromSeconds(1800), Assert.Single(Read(Register("alice", expires: null)).Contacts).Expires);
    }

    [Fact]
    public void RegisterRequest_should_grant_at_most_the_maximum()
    {
        Assert.Equal(TimeSpan.FromSeconds(3600), Assert.Single(Read(Register("alice", expires: "100000")).Contacts).Expires);
    }

    [Fact]
    public void RegisterRequest_should_be_too_brief_below_the_minimum_but_not_at_zero()
    {
        var brief = Assert.IsType<RegisterRequest.TooBrief>(RegisterRequest.Read(Register("alice", expires: "30"), Settings));
        Assert.Equal(TimeSpan.FromSeconds(60), brief.MinExpires);
        Assert.Equal(TimeSpan.Zero, Assert.Single(Read(Register("alice", expires: "0")).Contacts).Expires);
    }

    [Fact]
    public void RegisterRequest_should_read_several_contacts_in_order()
    {
        var update = Read(Register("alice", contact: "<sip:alice@10.0.0.5:5062>;expires=300, <sip:alice@10.0.0.6>"));

        Assert.Equal(["10.0.0.5", "10.0.0.6"], update.Contacts.Select(c => c.Contact.Uri.Host).ToArray());
        Assert.Equal([TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(3600)], update.Contacts.Select(c => c.Expires).ToArray());
    }

    [Fact]
    public void RegisterRequest_should_be_a_query_without_contact()
    {
        Assert.IsType<RegisterRequest.Query>(RegisterRequest.Read(Register("alice", contact: ""), Settings));
    }

    [Fact]
    public void RegisterRequest_should_accept_a_wildcard_only_alone_and_with_expires_zero()
    {
        Assert.IsType<RegisterRequest.RemoveAll>(RegisterRequest.Read(Register("alice", contact: "*", expires: "0"), Settings));
        Assert.IsType<RegisterRequest.Invalid>(RegisterRequest.Read(Register("alice", contact: "*", expires: "60"), Settings));
        Assert.IsType<RegisterRequest.Invalid>(RegisterRequest.Read(Register("alice", contact: "*", expires: null), Settings));
    }

    private static RegisterRequest.Update Read(Sip.Messages.SipRequest request) =>
        Assert.IsType<RegisterRequest.Update>(RegisterRequest.Read(request, Settings));
}
