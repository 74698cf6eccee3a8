using System.Net;
using CallCenter.Sip.Sdp;

namespace CallCenter.Sip.Tests.Sdp;

public class RtpEndpointSpec
{
    [Theory]
    [InlineData("10.0.0.1", 4000, true)]
    [InlineData("2001:db8::1", 4000, true)]
    [InlineData("pbx.example.com", 4000, false)]
    [InlineData("10.0.0.1", 70000, false)]
    [InlineData("10.0.0.1", -1, false)]
    public void Endpoint_should_convert_to_an_ip_endpoint_only_when_address_and_port_are_valid(string address, int port, bool valid)
    {
        var converted = new RtpEndpoint(address, port).TryGetIPEndPoint(out var endPoint);

        Assert.Equal(valid, converted);
        if (valid)
        {
            Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), endPoint);
        }
    }

    [Theory]
    [InlineData("0.0.0.0", true)]
    [InlineData("::", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("host", false)]
    public void Endpoint_should_recognise_the_unspecified_hold_address(string address, bool unspecified) =>
        Assert.Equal(unspecified, new RtpEndpoint(address, 4000).IsUnspecified);
}
