using System.Net;
using CallCenter.Actors.Gateway;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;
using static CallCenter.Actors.Tests.Gateway.GatewayText;

namespace CallCenter.Actors.Tests.Gateway;

public sealed class AgentContactSpec
{
    [Fact]
    public void AgentContact_should_read_back_what_it_writes_with_a_nat_source()
    {
        var written = new AgentContact(SipUri.Parse("sip:alice@192.168.1.20:5060"), new SipEndPoint(SipProtocol.Tcp, new IPEndPoint(IPAddress.Parse("203.0.113.7"), 40112)));

        Assert.True(AgentContact.TryParse(written.ToString(), out var read));
        Assert.Equal(written, read);
        Assert.True(read.TryGetDestination(out var destination));
        Assert.Equal("TCP:203.0.113.7:40112", destination.ToString());
    }

    [Fact]
    public void AgentContact_should_send_to_the_contact_itself_without_nat()
    {
        Assert.True(AgentContact.TryParse("sip:bob@10.0.0.9", out var bare));
        Assert.True(bare.TryGetDestination(out var destination));
        Assert.Equal("UDP:10.0.0.9:5060", destination.ToString());

        Assert.True(AgentContact.TryParse("<sip:bob@[2001:db8::9]:5070;transport=tcp>", out var v6));
        Assert.True(v6.TryGetDestination(out var v6Destination));
        Assert.Equal(new SipEndPoint(SipProtocol.Tcp, new IPEndPoint(IPAddress.Parse("2001:db8::9"), 5070)), v6Destination);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a uri")]
    [InlineData("tel:+15551234")]
    [InlineData("<sip:alice@10.0.0.5>;received=\"sip:phone.example\"")]
    public void AgentContact_should_refuse_what_is_no_sip_contact(string text)
    {
        Assert.False(AgentContact.TryParse(text, out _));
    }

    [Fact]
    public void AgentContact_should_have_no_destination_for_a_host_name_without_nat()
    {
        Assert.True(AgentContact.TryParse("<sip:alice@phone.example>", out var named));
        Assert.False(named.TryGetDestination(out _));
    }

    [Fact]
    public void SipHops_should_see_a_nat_when_the_via_does_not_name_the_source()
    {
        Assert.False(SipHops.IsBehindNat(Register("alice"), Phone));
        Assert.True(SipHops.IsBehindNat(Register("alice", viaHost: "192.168.1.20:5062"), Phone));
        Assert.True(SipHops.IsBehindNat(Register("alice", viaHost: "10.0.0.5"), Phone));
        Assert.True(SipHops.IsBehindNat(Register("alice", viaHost: "phone.example:5062"), Phone));
    }

    [Fact]
    public void SipHops_should_judge_a_tcp_phone_by_its_address_alone_as_its_source_port_is_ephemeral()
    {
        var overTcp = new SipEndPoint(SipProtocol.Tcp, new IPEndPoint(Phone.Address.Address, 41234));

        Assert.False(SipHops.IsBehindNat(Register("alice"), overTcp));
        Assert.True(SipHops.IsBehindNat(Register("alice", viaHost: "192.168.1.20:5062"), overTcp));
    }
}
