using System.Net;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Serialization;
using CallCenter.Sip.Transport;
using static CallCenter.Sip.Tests.Transport.TransportTestKit;

namespace CallCenter.Sip.Tests.Transport;

public class ViaSourceStampSpec
{
    private static readonly IPEndPoint Source = new(IPAddress.Parse("203.0.113.7"), 40123);

    [Fact]
    public void Stamp_should_add_received_when_the_sent_by_host_is_not_the_source_address()
    {
        var request = ParseRequest(Request("OPTIONS", "SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1", "c1"));

        var via = ViaSourceStamp.Apply(request, Source).TopVia!;

        Assert.Equal("203.0.113.7", via.Received);
        Assert.False(via.HasRPort);
        Assert.Equal("10.0.0.5", via.Host);
        Assert.Equal(5060, via.Port);
        Assert.Equal("z9hG4bK1", via.Branch);
    }

    [Fact]
    public void Stamp_should_fill_an_empty_rport_and_add_received_even_when_the_host_matches()
    {
        var request = ParseRequest(Request("OPTIONS", "SIP/2.0/UDP 203.0.113.7:5060;rport;branch=z9hG4bK1", "c1"));

        var via = ViaSourceStamp.Apply(request, Source).TopVia!;

        Assert.Equal(40123, via.RPort);
        Assert.Equal("203.0.113.7", via.Received);
        Assert.Equal("z9hG4bK1", via.Branch);
    }

    [Fact]
    public void Stamp_should_leave_the_request_alone_when_sent_by_is_the_source_and_no_rport_is_asked()
    {
        var request = ParseRequest(Request("OPTIONS", "SIP/2.0/UDP 203.0.113.7:5070;branch=z9hG4bK1", "c1"));

        Assert.Same(request, ViaSourceStamp.Apply(request, Source));
    }

    [Fact]
    public void Stamp_should_add_received_when_sent_by_is_a_host_name()
    {
        var request = ParseRequest(Request("OPTIONS", "SIP/2.0/TCP pc33.example.test;branch=z9hG4bK1", "c1"));

        Assert.Equal("203.0.113.7", ViaSourceStamp.Apply(request, Source).TopVia!.Received);
    }

    [Fact]
    public void Stamp_should_keep_an_rport_that_already_has_a_value()
    {
        var request = ParseRequest(Request("OPTIONS", "SIP/2.0/UDP 10.0.0.5;rport=5999;branch=z9hG4bK1", "c1"));

        var via = ViaSourceStamp.Apply(request, Source).TopVia!;

        Assert.Equal(5999, via.RPort);
        Assert.Equal("203.0.113.7", via.Received);
    }

    [Fact]
    public void Stamp_should_compare_ipv6_sent_by_in_brackets_and_write_received_without_them()
    {
        var same = ParseRequest(Request("OPTIONS", "SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK1", "c1"));
        var other = ParseRequest(Request("OPTIONS", "SIP/2.0/UDP [2001:db8::2]:5060;branch=z9hG4bK1", "c1"));
        var source = new IPEndPoint(IPAddress.Parse("2001:db8::1"), 5060);

        Assert.Same(same, ViaSourceStamp.Apply(same, source));
        var stamped = ViaSourceStamp.Apply(other, source);
        Assert.Equal("2001:db8::1", stamped.TopVia!.Received);
        Assert.True(SipParser.TryParse(SipSerializer.Serialize(stamped), out var reparsed, out var error), error?.ToString());
        Assert.Equal("2001:db8::1", reparsed.TopVia!.Received);
    }

    [Fact]
    public void Stamp_should_treat_an_ipv4_mapped_source_as_the_ipv4_address()
    {
        var request = ParseRequest(Request("OPTIONS", "SIP/2.0/UDP 203.0.113.7:5060;branch=z9hG4bK1", "c1"));
        var mapped = new IPEndPoint(IPAddress.Parse("203.0.113.7").MapToIPv6(), 5060);

        Assert.Same(request, ViaSourceStamp.Apply(request, mapped));
    }

    [Fact]
    public void Stamp_should_rewrite_only_the_top_via_and_keep_the_others_in_order()
    {
        var text = Request("INVITE", "SIP/2.0/UDP 10.0.0.5:5060;rport;branch=z9hG4bKtop, SIP/2.0/UDP 10.0.0.9;branch=z9hG4bKmid", "c1")
            .Replace("Max-Forwards", "Via: SIP/2.0/TCP 10.0.0.10;branch=z9hG4bKlast\r\nMax-Forwards", StringComparison.Ordinal);
        var request = ParseRequest(text);

        var stamped = ViaSourceStamp.Apply(request, Source);

        Assert.Equal(["z9hG4bKtop", "z9hG4bKmid", "z9hG4bKlast"], stamped.Vias.Select(v => v.Branch));
        Assert.Equal(40123, stamped.TopVia!.RPort);
        Assert.Equal(request.Vias[1], stamped.Vias[1]);
        Assert.Equal(request.Vias[2], stamped.Vias[2]);
        Assert.Equal(request.Headers.Count, stamped.Headers.Count);
        Assert.Equal(request.CallId, stamped.CallId);
    }
}
