using System.Net;
using CallCenter.Node.Config;

namespace CallCenter.Node.Tests;

public sealed class NodeConfigurationSpec
{
    [Fact]
    public void Defaults_alone_should_give_a_node_with_no_queues_or_agents_on_the_documented_ports()
    {
        var configuration = Read.Hocon("");

        Assert.Equal(5060, configuration.SipPort);
        Assert.Equal(IPAddress.Any, configuration.SipBind);
        Assert.Equal((20000, 20999), (configuration.RtpFirstPort, configuration.RtpLastPort));
        Assert.Equal("callcenter.db", configuration.Database);
        Assert.Equal(new HttpConfig(IPAddress.Loopback, 8060), configuration.Http);
        Assert.Empty(configuration.Queues);
        Assert.Empty(configuration.Agents);
    }

    [Fact]
    public void Embedded_sample_should_be_a_valid_call_center_with_alice_and_bob()
    {
        var configuration = Read.Hocon(SampleConfiguration.Text());

        Assert.Equal(["alice", "bob"], configuration.Agents.Select(a => a.Id.Value));
        Assert.Equal(["support"], configuration.Queues.Select(q => q.Id.Value));
        Assert.All(configuration.Agents, a => Assert.NotNull(a.Password));
    }

    [Fact]
    public void Sample_notice_should_show_each_demo_account_with_its_password()
    {
        var notice = SampleConfiguration.Notice();

        Assert.Contains("alice / alice-secret", notice, StringComparison.Ordinal);
        Assert.Contains("bob / bob-secret", notice, StringComparison.Ordinal);
        Assert.Contains("PUBLIC", notice, StringComparison.Ordinal);
    }

    [Fact]
    public void File_values_should_layer_over_the_defaults()
    {
        var configuration = Read.Hocon("callcenter { sip { port = 5070 }\n http { port = off } }");

        Assert.Equal(5070, configuration.SipPort);
        Assert.Equal(IPAddress.Any, configuration.SipBind);
        Assert.Null(configuration.Http);
    }

    [Fact]
    public void Pending_call_limit_should_default_to_200_and_turn_off_with_off()
    {
        Assert.Equal(200, Read.Hocon("").MaxPendingCalls);
        Assert.Null(Read.Hocon("callcenter { sip { max-pending-calls = off } }").MaxPendingCalls);
        Assert.Equal(50, CallCenterComposition.GatewaySettings(Read.Hocon("callcenter { sip { max-pending-calls = 50 } }")).MaxPendingCalls);
    }

    [Fact]
    public void Logging_format_json_should_turn_json_logs_on()
    {
        Assert.False(Read.Hocon("").JsonLogs);
        Assert.True(Read.Hocon("callcenter { logging { format = json } }").JsonLogs);
    }

    [Fact]
    public void PostgreSql_connection_string_should_come_from_the_environment_before_the_file()
    {
        var environment = new Dictionary<string, string> { [NodeConfigurationReader.PostgreSqlEnvironmentVariable] = "Host=env" };

        var configuration = Read.Hocon("callcenter { persistence { provider = postgresql, postgresql = \"Host=file\" } }", environment);

        Assert.Equal("Host=env", configuration.PostgreSql);
    }

    [Theory]
    [InlineData("callcenter { sip { prot = 5070 } }", "callcenter.sip.prot: unknown key (the known ones are in hocon/callcenter.defaults.hocon)")]
    [InlineData("callcenter { databse = x.db }", "callcenter.databse: unknown key (the known ones are in hocon/callcenter.defaults.hocon)")]
    [InlineData("callcenter = 5", "callcenter: expected a block { ... }")]
    [InlineData("callcenter { sip { port = 70000 } }", "callcenter.sip.port: 70000 is outside 1..65535")]
    [InlineData("callcenter { sip { bind = localhost } }", "callcenter.sip.bind: 'localhost' is not an IP address")]
    [InlineData("callcenter { sip { t1 = 0ms } }", "callcenter.sip.t1: must be positive")]
    [InlineData("callcenter { sip { max-pending-calls = 0 } }", "callcenter.sip.max-pending-calls: 0 is outside 1..100000")]
    [InlineData("callcenter { sip { max-pending-calls = lots } }", "callcenter.sip.max-pending-calls: 'lots' is not a whole number")]
    [InlineData("callcenter { domain = \"call center\" }", "callcenter.domain: 'call center' is not a host name or address")]
    [InlineData("callcenter { node-id = \"node a\" }", "callcenter.node-id: 'node a' must be 1-64 letters, digits, '-', '_' or '.'")]
    [InlineData("callcenter { media { rtp-ports = \"20000\" } }", "callcenter.media.rtp-ports: '20000' is not a range such as 20000-20999")]
    [InlineData("callcenter { media { rtp-ports = \"80-90\" } }", "callcenter.media.rtp-ports: 80-90 must lie within 1024-65535")]
    [InlineData("callcenter { registrar { min-expires = 600s, max-expires = 60s } }", "callcenter.registrar.max-expires: must not be below min-expires")]
    [InlineData("callcenter { registrar { default-expires = 10s } }", "callcenter.registrar.default-expires: must lie between min-expires and max-expires")]
    [InlineData("callcenter { registrar { algorithms = [SHA-1] } }", "callcenter.registrar.algorithms: 'SHA-1' is not one of SHA-256, MD5")]
    [InlineData("callcenter { registrar { algorithms = [] } }", "callcenter.registrar.algorithms: offer at least one algorithm")]
    [InlineData("callcenter { registrar { max-contacts = 0 } }", "callcenter.registrar.max-contacts: 0 is outside 1..100")]
    [InlineData("callcenter { persistence { provider = mysql } }", "callcenter.persistence.provider: 'mysql' is not sqlite or postgresql")]
    [InlineData("callcenter { persistence { provider = postgresql } }", "callcenter.persistence.postgresql: is empty (set it or CALLCENTER_POSTGRESQL)")]
    [InlineData("callcenter { http { port = 99999 } }", "callcenter.http.port: 99999 is outside 0..65535")]
    [InlineData("callcenter { http { bind = everywhere } }", "callcenter.http.bind: 'everywhere' is not an IP address")]
    [InlineData("callcenter { queues = [a] }", "callcenter.queues: expected a block { ... }")]
    [InlineData("callcenter { logging { format = xml } }", "callcenter.logging.format: 'xml' is not text or json")]
    [InlineData("callcenter { sip { probe-interval = -5s } }", "callcenter.sip.probe-interval: '-5s' is not a duration")]
    [InlineData("callcenter { sip { probe-interval = 200ms } }", "callcenter.sip.probe-interval: must lie between 1s and 1h (or be off)")]
    [InlineData("callcenter { sip { probe-interval = 2d } }", "callcenter.sip.probe-interval: must lie between 1s and 1h (or be off)")]
    [InlineData("callcenter { sip { probe-interval = often } }", "callcenter.sip.probe-interval: 'often' is not a duration")]
    public void Reader_should_name_the_key_of_a_bad_node_setting(string hocon, string message)
    {
        Assert.StartsWith(message, Read.Error(hocon), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 30)]
    [InlineData("callcenter { sip { probe-interval = 5s } }", 5)]
    [InlineData("callcenter { sip { probe-interval = off } }", 0)]
    [InlineData("callcenter { sip { probe-interval = 0s } }", 0)]
    public void Probe_interval_should_default_to_30s_and_turn_off_with_off_or_zero(string hocon, int seconds)
    {
        var configuration = Read.Hocon(hocon);

        Assert.Equal(TimeSpan.FromSeconds(seconds), configuration.ProbeInterval);
        Assert.Equal(TimeSpan.FromSeconds(seconds), Config.CallCenterComposition.GatewaySettings(configuration).ProbeInterval);
    }

    [Fact]
    public void Text_that_is_not_hocon_should_name_its_source()
    {
        // Akka's parser takes no comma between blocks, a common slip.
        Assert.StartsWith("test.hocon: not valid HOCON", Read.Error("callcenter { sip { port = 5060 }, media { } }"), StringComparison.Ordinal);
    }
}
