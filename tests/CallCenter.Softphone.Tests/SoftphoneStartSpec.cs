using System.Net;
using System.Net.Sockets;
using CallCenter.Sip.Transport;
using CallCenter.Testing;

namespace CallCenter.Softphone.Tests;

/// <summary>Registering with a server that is not there: the two ways it shows, each with its own message and exit code 3.</summary>
public class SoftphoneStartSpec
{
    [Fact]
    public async Task Softphone_should_report_a_refused_TCP_connection_as_an_unreachable_server()
    {
        await using var phone = await Softphone.StartAsync(Options(FreePort.Next(), SipProtocol.Tcp));

        var failure = await phone.RegisterAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(failure);
        Assert.Equal(SoftphoneStartException.Unreachable, failure.ExitCode);
        Assert.Contains("cannot reach the registrar at TCP:127.0.0.1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Softphone_should_report_a_silent_UDP_server_after_the_registration_timeout()
    {
        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var phone = await Softphone.StartAsync(Options(((IPEndPoint)silent.LocalEndPoint!).Port, SipProtocol.Udp));

        var failure = await phone.RegisterAsync(TimeSpan.FromSeconds(1));

        Assert.NotNull(failure);
        Assert.Equal(SoftphoneStartException.Unreachable, failure.ExitCode);
        Assert.Contains("no answer from the registrar", failure.Message, StringComparison.Ordinal);
        Assert.True(silent.Available > 0, "the REGISTER never reached the server");
    }

    private static SoftphoneOptions Options(int serverPort, SipProtocol transport) => new()
    {
        ServerHost = "127.0.0.1",
        ServerPort = serverPort,
        User = "alice",
        Password = "secret",
        Domain = "127.0.0.1",
        Transport = transport,
    };
}
