using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Tests.Dialogs;

public sealed class UasRequestChecksSpec
{
    [Fact]
    public void A_plain_request_should_pass()
    {
        Assert.Null(UasRequestChecks.Refusal(Request("INVITE", "sip:support@cc.example", "Supported: 100rel, timer\n")));
    }

    [Fact]
    public void Require_should_be_refused_with_420_listing_only_the_unsupported_tags()
    {
        var refusal = UasRequestChecks.Refusal(Request("OPTIONS", "sip:cc.example", "Require: foo\nRequire: bar\n"));

        Assert.Equal(420, refusal?.StatusCode);
        Assert.Equal(["foo", "bar"], refusal!.Headers.Values(SipHeaderNames.Unsupported));
    }

    [Theory]
    [InlineData("CANCEL")]
    [InlineData("ACK")]
    public void Require_should_not_refuse_a_request_that_only_follows_one_already_accepted(string method)
    {
        Assert.Null(UasRequestChecks.Refusal(Request(method, "sip:support@cc.example", "Require: 100rel\n")));
    }

    [Theory]
    [InlineData("sips:support@cc.example")]
    [InlineData("tel:+15551234567")]
    [InlineData("urn:service:sos")]
    public void A_scheme_other_than_sip_should_be_refused_with_416_and_a_to_tag(string uri)
    {
        var refusal = UasRequestChecks.Refusal(Request("INVITE", uri));

        Assert.Equal(416, refusal?.StatusCode);
        Assert.NotNull(refusal!.To?.Tag);
    }

    [Theory]
    [InlineData("gzip", 415)]
    [InlineData("identity", null)]
    [InlineData("IDENTITY", null)]
    public void An_encoded_body_should_be_refused_with_415(string encoding, int? status)
    {
        Assert.Equal(status, UasRequestChecks.Refusal(Request("INVITE", "sip:support@cc.example", $"Content-Encoding: {encoding}\n", "v=0\r\n"))?.StatusCode);
    }

    [Fact]
    public void An_encoding_without_a_body_should_pass()
    {
        Assert.Null(UasRequestChecks.Refusal(Request("BYE", "sip:support@cc.example", "Content-Encoding: gzip\n")));
    }

    private static SipRequest Request(string method, string uri, string extra = "", string body = "") =>
        Assert.IsType<SipRequest>(SipText.Parse(SipText.WithBody(
            $"{method} {uri} SIP/2.0\n"
            + "Via: SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK-checks\n"
            + "Max-Forwards: 70\n"
            + "From: <sip:caller@10.0.0.5>;tag=c1\n"
            + "To: <sip:support@cc.example>\n"
            + "Call-ID: checks@10.0.0.5\n"
            + $"CSeq: 1 {method}\n"
            + extra,
            body)));
}
