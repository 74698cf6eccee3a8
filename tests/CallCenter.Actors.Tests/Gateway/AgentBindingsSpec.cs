using CallCenter.Actors.Gateway.Registrar;
using CallCenter.Sip.Messages;
using static CallCenter.Actors.Tests.Gateway.GatewayText;

namespace CallCenter.Actors.Tests.Gateway;

public sealed class AgentBindingsSpec
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Bindings_should_add_refresh_and_remove_a_contact()
    {
        var added = Apply(AgentBindings.Empty, Update("reg-1", 1, ("sip:alice@10.0.0.5:5062", 600)));
        var refreshed = Apply(added, Update("reg-1", 2, ("sip:alice@10.0.0.5:5062", 900)), Now.AddSeconds(100));
        var removed = Apply(refreshed, Update("reg-1", 3, ("sip:alice@10.0.0.5:5062", 0)), Now.AddSeconds(200));

        Assert.Equal(Now.AddSeconds(600), Assert.Single(added.Bindings).ExpiresAt);
        Assert.Equal(Now.AddSeconds(1000), Assert.Single(refreshed.Bindings).ExpiresAt);
        Assert.Empty(removed.Bindings);
    }

    [Fact]
    public void Bindings_should_treat_uris_that_differ_only_in_host_case_and_default_port_as_one_contact()
    {
        var first = Apply(AgentBindings.Empty, Update("reg-1", 1, ("sip:alice@Phone.Example", 600)));
        var second = Apply(first, Update("reg-1", 2, ("sip:alice@phone.example:5060", 600)));

        Assert.Single(second.Bindings);
    }

    [Fact]
    public void Bindings_should_refuse_a_register_older_than_the_one_that_set_a_contact()
    {
        var current = Apply(AgentBindings.Empty, Update("reg-1", 5, ("sip:alice@10.0.0.5:5062", 600)));

        var (outcome, next) = current.Apply(Update("reg-1", 4, ("sip:alice@10.0.0.5:5062", 0)), null, Now, 10);

        Assert.Equal(BindingOutcome.OutOfOrder, outcome);
        Assert.Same(current, next);
    }

    [Fact]
    public void Bindings_should_let_another_call_id_replace_a_contact_whatever_its_cseq()
    {
        var current = Apply(AgentBindings.Empty, Update("reg-1", 5, ("sip:alice@10.0.0.5:5062", 600)));

        var rebooted = Apply(current, Update("reg-2", 1, ("sip:alice@10.0.0.5:5062", 300)));

        Assert.Equal("reg-2", Assert.Single(rebooted.Bindings).CallId);
    }

    [Fact]
    public void Bindings_should_keep_several_contacts_and_prefer_the_longest_lived()
    {
        var bindings = Apply(AgentBindings.Empty, Update("reg-1", 1, ("sip:alice@10.0.0.5:5062", 600), ("sip:alice@10.0.0.6:5060", 1200)));

        Assert.Equal(2, bindings.Bindings.Length);
        Assert.Equal("10.0.0.6", bindings.Preferred!.Contact.Uri.Host);
    }

    [Fact]
    public void Bindings_should_remove_every_contact_for_a_wildcard()
    {
        var bindings = Apply(AgentBindings.Empty, Update("reg-1", 1, ("sip:alice@10.0.0.5:5062", 600), ("sip:alice@10.0.0.6:5060", 1200)));

        var (outcome, next) = bindings.Apply(new RegisterRequest.RemoveAll("reg-9", 1), null, Now, 10);

        Assert.Equal(BindingOutcome.Applied, outcome);
        Assert.Empty(next.Bindings);
    }

    [Fact]
    public void Bindings_should_refuse_more_contacts_than_allowed()
    {
        var (outcome, next) = AgentBindings.Empty.Apply(
            Update("reg-1", 1, ("sip:alice@10.0.0.5", 600), ("sip:alice@10.0.0.6", 600), ("sip:alice@10.0.0.7", 600)), null, Now, 2);

        Assert.Equal(BindingOutcome.TooMany, outcome);
        Assert.Empty(next.Bindings);
    }

    [Fact]
    public void Bindings_should_forget_contacts_once_they_expired()
    {
        var bindings = Apply(AgentBindings.Empty, Update("reg-1", 1, ("sip:alice@10.0.0.5", 60), ("sip:alice@10.0.0.6", 600)));

        var later = bindings.Live(Now.AddSeconds(60));

        Assert.Equal("10.0.0.6", Assert.Single(later.Bindings).Contact.Uri.Host);
        Assert.Empty(bindings.Live(Now.AddSeconds(600)).Bindings);
    }

    [Fact]
    public void Bindings_should_list_each_contact_with_its_remaining_whole_seconds()
    {
        var bindings = Apply(AgentBindings.Empty, Update("reg-1", 1, ("sip:alice@10.0.0.5:5062", 600)));

        Assert.Equal("<sip:alice@10.0.0.5:5062>;expires=500", Assert.Single(bindings.Bindings).ToContactLine(Now.AddSeconds(99.5)));
    }

    [Fact]
    public void Bindings_should_reach_a_phone_behind_nat_at_the_register_source()
    {
        var (_, bindings) = AgentBindings.Empty.Apply(Update("reg-1", 1, ("sip:alice@192.168.1.20:5060", 600)), Phone, Now, 10);

        Assert.Equal("<sip:alice@192.168.1.20:5060>;received=\"sip:10.0.0.5:5062;transport=udp\"", bindings.Preferred!.AgentContact.ToString());
    }

    private static AgentBindings Apply(AgentBindings bindings, RegisterRequest request, DateTimeOffset? at = null)
    {
        var (outcome, next) = bindings.Apply(request, null, at ?? Now, 10);
        Assert.Equal(BindingOutcome.Applied, outcome);
        return next;
    }

    private static RegisterRequest.Update Update(string callId, long cseq, params (string Uri, int Seconds)[] contacts) =>
        new(callId, cseq, [.. contacts.Select(c => new ContactUpdate(new NameAddress(SipUri.Parse(c.Uri)), TimeSpan.FromSeconds(c.Seconds)))]);
}
