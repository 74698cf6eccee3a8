using CallCenter.EndToEnd.Tests.Kit;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CallCenter.Testing;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests;

/// <summary>How the node process starts, and refuses to, from its command line and configuration.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class NodeStartupSpec(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Node_should_exit_with_2_naming_the_key_when_an_agent_serves_an_unknown_queue()
    {
        var configuration = Configurations.TwoAgents().Replace("queues = [support] }\n    bob", "queues = [sales] }\n    bob", StringComparison.Ordinal);

        var (exitCode, output) = await NodeProcess.RunToExitAsync(configuration, Timeout);

        Assert.Equal(2, exitCode);
        Assert.Contains("callcenter.agents.alice.queues: queue 'sales' is not configured", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("callcenter { sip { port = 70000 } }", "callcenter.sip.port: 70000 is outside 1..65535")]
    [InlineData("callcenter { queues { support { ring-timeout = soon } } }", "callcenter.queues.support.ring-timeout: 'soon' is not a duration")]
    [InlineData("callcenter { queues { support { strategy = loudest } } }", "callcenter.queues.support: unknown routing strategy 'loudest'")]
    [InlineData("callcenter { agents { alice { queues = [] } } }", "callcenter.agents.alice.password: an agent needs a password")]
    [InlineData("callcenter { registrar { algorithms = [SHA-1] } }", "callcenter.registrar.algorithms: 'SHA-1' is not one of SHA-256, MD5")]
    [InlineData("callcenter { shutdown { retry-after = 0s } }", "callcenter.shutdown.retry-after: must be positive")]
    public async Task Node_should_exit_with_2_naming_the_bad_key(string configuration, string message)
    {
        var (exitCode, output) = await NodeProcess.RunToExitAsync(configuration, Timeout);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_with_a_misspelt_key_should_exit_with_2_before_it_creates_its_database()
    {
        var directory = Directory.CreateTempSubdirectory("callcenter-e2e-db-").FullName;
        try
        {
            var database = Path.Combine(directory, "callcenter.db");
            var configuration = Configurations.TwoAgents("ring-timout = 5s");

            var (exitCode, output) = await NodeProcess.RunToExitAsync(configuration, Timeout, "--db", database);

            Assert.Equal(2, exitCode);
            Assert.Contains("Invalid configuration: callcenter.queues.support.ring-timout: unknown key", output, StringComparison.Ordinal);
            Assert.False(File.Exists(database), "no database file is created by a node that refuses to start");
            Assert.DoesNotContain("listening", output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Node_should_exit_with_2_naming_the_option_when_the_rtp_range_is_malformed()
    {
        var (exitCode, output) = await NodeProcess.RunToExitAsync(Configurations.TwoAgents(), Timeout, "--rtp-ports", "20000");

        Assert.Equal(2, exitCode);
        Assert.Contains("--rtp-ports: '20000' is not a range", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_should_exit_with_3_when_its_sip_port_is_taken()
    {
        using var taken = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, FreePort.Next()));
        var port = ((System.Net.IPEndPoint)taken.Client.LocalEndPoint!).Port;

        var (exitCode, output) = await NodeProcess.RunToExitAsync(
            Configurations.TwoAgents(), Timeout, "--bind", "127.0.0.1", "--sip-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(3, exitCode);
        Assert.Contains($"SIP port 127.0.0.1:{port}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_started_without_a_configuration_should_run_the_sample_and_answer_options()
    {
        await using var node = await NodeProcess.StartAsync(configuration: null, output);

        Assert.Contains(node.Lines, l => l.Contains("alice / alice-secret", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(node.Directory, "callcenter.db")), "callcenter.db in the working directory");

        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)phone.Client.LocalEndPoint!;
        var options = $"OPTIONS sip:support@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{local.Port};branch=z9hG4bK-noarg\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p1\r\nTo: <sip:support@127.0.0.1>\r\n"
            + "Call-ID: noarg-options\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        await phone.SendAsync(Encoding.ASCII.GetBytes(options), new IPEndPoint(IPAddress.Loopback, node.SipPort));
        using var deadline = new CancellationTokenSource(Timeout);
        var answer = Encoding.ASCII.GetString((await phone.ReceiveAsync(deadline.Token)).Buffer);

        Assert.StartsWith("SIP/2.0 200", answer, StringComparison.Ordinal);
        Assert.Contains("Allow:", answer, StringComparison.OrdinalIgnoreCase);
    }
}
