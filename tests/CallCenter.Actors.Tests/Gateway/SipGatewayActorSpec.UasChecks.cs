using CallCenter.Sip.Messages;

namespace CallCenter.Actors.Tests.Gateway;

// Requests the server cannot honour as written are refused with the status that names what to change, and start no call.
public sealed partial class SipGatewayActorSpec
{
    [Fact]
    public async Task Gateway_should_refuse_a_call_that_requires_an_extension_with_420_naming_it()
    {
        var response = await ExchangeFinal(Request("INVITE", "sip:support@cc.example", extra: "Require: 100rel, precondition\n", body: Sdp));

        Assert.Equal(420, response.StatusCode);
        Assert.Equal(["100rel", "precondition"], response.Headers.Values(SipHeaderNames.Unsupported));
        Assert.NotNull(response.To?.Tag);
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Theory]
    [InlineData("sips:support@cc.example")]
    [InlineData("tel:+15551234567")]
    public async Task Gateway_should_refuse_a_call_to_a_uri_scheme_it_cannot_serve_with_416(string uri)
    {
        var response = await ExchangeFinal(Request("INVITE", uri, to: "<sip:support@cc.example>", body: Sdp));

        Assert.Equal(416, response.StatusCode);
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Gateway_should_refuse_an_encoded_body_with_415_and_the_encoding_it_accepts()
    {
        var response = await ExchangeFinal(Request("INVITE", "sip:support@cc.example", extra: "Content-Encoding: gzip\n", body: Sdp));

        Assert.Equal(415, response.StatusCode);
        Assert.Equal("identity", response.Headers.First(SipHeaderNames.AcceptEncoding));
        await _calls.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Gateway_should_take_a_call_whose_body_is_declared_unencoded()
    {
        var trying = await Exchange(Request("INVITE", "sip:support@cc.example", extra: "Content-Encoding: identity\nSupported: timer\n", body: Sdp));

        Assert.Equal(100, trying.StatusCode);
        await _calls.ExpectMsgAsync<CallCenter.Domain.Calls.CallCommands.Receive>();
    }
}
