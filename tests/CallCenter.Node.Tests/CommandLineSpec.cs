using System.Net;
using CallCenter.Node.Config;

namespace CallCenter.Node.Tests;

public sealed class CommandLineSpec
{
    [Fact]
    public void Options_should_override_the_file_and_the_defaults()
    {
        var commandLine = CommandLine.Parse(["--sip-port", "5080", "--bind", "127.0.0.1", "--rtp-ports", "30000-30099", "--db", "x.db", "--http-port", "9000"]);

        var configuration = commandLine.ApplyTo(Read.Hocon("callcenter { sip { port = 5070 }\n http { bind = \"127.0.0.2\" } }"));

        Assert.Equal(5080, configuration.SipPort);
        Assert.Equal(IPAddress.Loopback, configuration.SipBind);
        Assert.Equal((30000, 30099), (configuration.RtpFirstPort, configuration.RtpLastPort));
        Assert.Equal("x.db", configuration.Database);
        Assert.Equal(new HttpConfig(IPAddress.Parse("127.0.0.2"), 9000), configuration.Http);
    }

    [Fact]
    public void No_options_should_leave_the_configuration_as_it_is()
    {
        var configuration = Read.Hocon("");

        Assert.Equal(configuration, CommandLine.Parse([]).ApplyTo(configuration));
    }

    [Fact]
    public void Http_port_off_should_turn_the_endpoint_off_and_0_should_pick_a_free_port()
    {
        Assert.Null(CommandLine.Parse(["--http-port", "off"]).ApplyTo(Read.Hocon("")).Http);
        Assert.Equal(0, CommandLine.Parse(["--http-port", "0"]).ApplyTo(Read.Hocon("")).Http?.Port);
        Assert.Equal(
            new HttpConfig(IPAddress.Loopback, 9001),
            CommandLine.Parse(["--http-port", "9001"]).ApplyTo(Read.Hocon("callcenter { http { port = off } }")).Http);
    }

    [Theory]
    [InlineData(new[] { "--sip-port", "0" }, "--sip-port: '0' is not a port (1-65535)")]
    [InlineData(new[] { "--sip-port", "high" }, "--sip-port: 'high' is not a port (1-65535)")]
    [InlineData(new[] { "--http-port", "-1" }, "--http-port: '-1' is not a port (1-65535)")]
    [InlineData(new[] { "--bind", "localhost" }, "--bind: 'localhost' is not an IP address")]
    [InlineData(new[] { "--rtp-ports", "20000" }, "--rtp-ports: '20000' is not a range such as 20000-20999")]
    [InlineData(new[] { "--db", " " }, "--db: is empty")]
    [InlineData(new[] { "--sip-port" }, "--sip-port: needs a value")]
    [InlineData(new[] { "--verbose", "yes" }, "--verbose: unknown option (see --help)")]
    [InlineData(new[] { "stray" }, "stray: unknown option")]
    public void Bad_option_should_be_named_with_its_problem(string[] args, string message)
    {
        Assert.Equal(message, Assert.Throws<ConfigurationError>(() => CommandLine.Parse(args)).Message);
    }

    [Fact]
    public void Usage_should_document_every_option_and_the_secret_variables()
    {
        foreach (var option in new[] { "--config", "--sip-port", "--bind", "--advertise", "--rtp-ports", "--db", "--http-port", "--cluster-port", "--seed" })
        {
            Assert.Contains(option, CommandLine.Usage, StringComparison.Ordinal);
        }

        Assert.Contains("CALLCENTER_AGENT_<ID>_PASSWORD", CommandLine.Usage, StringComparison.Ordinal);
        Assert.Contains("CALLCENTER_POSTGRESQL", CommandLine.Usage, StringComparison.Ordinal);
    }
}
