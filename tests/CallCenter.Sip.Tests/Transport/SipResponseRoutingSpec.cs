using System.Net;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Transport;

public class SipResponseRoutingSpec
{
    [Theory]
    [InlineData("SIP/2.0/UDP 10.0.0.5:5070;branch=z9hG4bK1", "10.0.0.5", 5070)]
    [InlineData("SIP/2.0/UDP 10.0.0.5;branch=z9hG4bK1", "10.0.0.5", 5060)]
    [InlineData("SIP/2.0/UDP 10.0.0.5:5070;received=203.0.113.7;branch=z9hG4bK1", "203.0.113.7", 5070)]
    [InlineData("SIP/2.0/UDP 10.0.0.5;received=203.0.113.7;branch=z9hG4bK1", "203.0.113.7", 5060)]
    [InlineData("SIP/2.0/UDP 10.0.0.5:5070;rport=40123;received=203.0.113.7;branch=z9hG4bK1", "203.0.113.7", 40123)]
    [InlineData("SIP/2.0/UDP 10.0.0.5:5070;rport;received=203.0.113.7;branch=z9hG4bK1", "203.0.113.7", 5070)]
    [InlineData("SIP/2.0/UDP 10.0.0.5:5070;maddr=239.255.255.1;received=203.0.113.7;rport=4000", "239.255.255.1", 5070)]
    [InlineData("SIP/2.0/UDP 10.0.0.5;maddr=192.0.2.9", "192.0.2.9", 5060)]
    [InlineData("SIP/2.0/UDP [2001:db8::5]:5070;branch=z9hG4bK1", "[2001:db8::5]", 5070)]
    [InlineData("SIP/2.0/UDP [2001:db8::5];received=2001:db8::99;rport=6000", "2001:db8::99", 6000)]
    [InlineData("SIP/2.0/UDP pc33.example.test;branch=z9hG4bK1", "pc33.example.test", 5060)]
    [InlineData("SIP/2.0/UDP 10.0.0.5:5070;received=not-an-address", "10.0.0.5", 5070)]
    public void Routing_should_follow_rfc3261_18_2_2_and_rfc3581_on_udp(string viaText, string host, int port)
    {
        Assert.True(Via.TryParse(viaText, out var via));

        Assert.True(SipResponseRouting.TryGetDestination(via, out var destination));

        Assert.Equal(new SipResponseDestination(SipProtocol.Udp, host, port), destination);
    }

    [Theory]
    [InlineData("SIP/2.0/TCP 10.0.0.5:5070;rport=40123;received=203.0.113.7", "203.0.113.7", 5070)]
    [InlineData("SIP/2.0/TCP 10.0.0.5;rport=40123;received=203.0.113.7", "203.0.113.7", 5060)]
    [InlineData("SIP/2.0/TCP 10.0.0.5:5070;maddr=239.255.255.1", "10.0.0.5", 5070)]
    [InlineData("SIP/2.0/TCP [::1]", "[::1]", 5060)]
    public void Routing_should_connect_to_received_and_the_sent_by_port_on_tcp_never_to_rport(string viaText, string host, int port)
    {
        Assert.True(Via.TryParse(viaText, out var via));

        Assert.True(SipResponseRouting.TryGetDestination(via, out var destination));

        Assert.Equal(new SipResponseDestination(SipProtocol.Tcp, host, port), destination);
    }

    [Fact]
    public void Routing_should_refuse_a_transport_the_stack_does_not_speak()
    {
        Assert.True(Via.TryParse("SIP/2.0/TLS 10.0.0.5:5061;branch=z9hG4bK1", out var via));

        Assert.False(SipResponseRouting.TryGetDestination(via, out _));
    }

    [Theory]
    [InlineData("10.0.0.5", "10.0.0.5")]
    [InlineData("[2001:db8::5]", "2001:db8::5")]
    [InlineData("2001:db8::5", "2001:db8::5")]
    public void Destination_should_give_an_end_point_for_ip_literals(string host, string address)
    {
        var destination = new SipResponseDestination(SipProtocol.Udp, host, 5080);

        Assert.True(destination.TryGetEndPoint(out var endPoint));

        Assert.Equal(new SipEndPoint(SipProtocol.Udp, new IPEndPoint(IPAddress.Parse(address), 5080)), endPoint);
    }

    [Theory]
    [InlineData("pc33.example.test")]
    [InlineData("1")]
    [InlineData("[10.0.0.5]")]
    public void Destination_should_give_no_end_point_for_anything_but_an_ip_literal(string host)
    {
        Assert.False(new SipResponseDestination(SipProtocol.Udp, host, 5060).TryGetEndPoint(out _));
    }
}
