using CallCenter.Sip.Transport;

namespace CallCenter.Softphone.Tests;

public class SoftphoneArgumentsSpec
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Arguments_should_read_every_option_in_both_spellings()
    {
        var parsed = SoftphoneArguments.Parse(
            [
                "--server", "10.0.0.5:5070", "--user=alice", "--password", "s3cret", "--domain", "cc.example", "--local-port=5062",
                "--transport", "TCP", "--hangup-after", "30", "--answer-after=2", "--lines", "2", "--expires", "600",
            ],
            NoEnvironment);

        var options = Assert.IsType<ParsedArguments.Run>(parsed).Options;
        Assert.Equal(
            ("10.0.0.5", 5070, "alice", "s3cret", "cc.example", 5062, SipProtocol.Tcp),
            (options.ServerHost, options.ServerPort, options.User, options.Password, options.Domain, options.LocalPort, options.Transport));
        Assert.Equal(
            (TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2), 2, TimeSpan.FromSeconds(600)),
            (options.HangupAfter, options.AnswerAfter, options.Lines, options.Expires));
    }

    [Fact]
    public void Arguments_should_default_to_the_server_host_as_domain_udp_any_port_one_line_and_waiting_for_the_BYE()
    {
        var options = Run("--server", "127.0.0.1:5060", "--user", "bob", "--password", "x");

        Assert.Equal(("127.0.0.1", 0, SipProtocol.Udp, 1), (options.Domain, options.LocalPort, options.Transport, options.Lines));
        Assert.Null(options.HangupAfter);
        Assert.Null(options.AnswerAfter);
        Assert.Equal(TimeSpan.FromSeconds(3600), options.Expires);
    }

    [Fact]
    public void Arguments_should_take_the_password_from_the_environment_when_not_given()
    {
        var parsed = SoftphoneArguments.Parse(
            ["--server", "pbx.example:5060", "--user", "bob"],
            name => name == SoftphoneOptions.PasswordVariable ? "from-env" : null);

        Assert.Equal("from-env", Assert.IsType<ParsedArguments.Run>(parsed).Options.Password);
    }

    [Theory]
    [InlineData("[::1]:5060", "::1", 5060)]
    [InlineData("pbx.example.com:5080", "pbx.example.com", 5080)]
    public void Arguments_should_split_host_and_port(string server, string host, int port)
    {
        var options = Run("--server", server, "--user", "bob", "--password", "x");

        Assert.Equal((host, port), (options.ServerHost, options.ServerPort));
    }

    [Theory]
    [InlineData("--user bob --password x", "--server HOST:PORT is required")]
    [InlineData("--server 127.0.0.1 --user bob --password x", "--server '127.0.0.1' is not HOST:PORT")]
    [InlineData("--server ::1:5060 --user bob --password x", "is not HOST:PORT")]
    [InlineData("--server 127.0.0.1:70000 --user bob --password x", "is not HOST:PORT")]
    [InlineData("--server 127.0.0.1:5060 --password x", "--user NAME is required")]
    [InlineData("--server 127.0.0.1:5060 --user a@b --password x", "--user NAME is required")]
    [InlineData("--server 127.0.0.1:5060 --user bob", "a password is required")]
    [InlineData("--server 127.0.0.1:5060 --user bob --password x --transport tls", "--transport must be udp or tcp")]
    [InlineData("--server 127.0.0.1:5060 --user bob --password x --hangup-after 0", "--hangup-after must be a whole number from 1")]
    [InlineData("--server 127.0.0.1:5060 --user bob --password x --answer-after -1", "--answer-after must be a whole number")]
    [InlineData("--server 127.0.0.1:5060 --user bob --password x --local-port 65536", "--local-port must be a whole number")]
    [InlineData("--server 127.0.0.1:5060 --user bob --password x --lines 0", "--lines must be a whole number from 1")]
    [InlineData("--server 127.0.0.1:5060 --user bob --password x --colour red", "unknown option --colour")]
    [InlineData("--server 127.0.0.1:5060 --user bob --password x --user eve", "--user is given twice")]
    [InlineData("--server 127.0.0.1:5060 --user bob --password", "--password needs a value")]
    [InlineData("127.0.0.1:5060 --user bob --password x", "unexpected argument '127.0.0.1:5060'")]
    public void Arguments_should_refuse_mistakes_with_a_message_naming_the_option(string commandLine, string message)
    {
        var parsed = SoftphoneArguments.Parse(commandLine.Split(' '), NoEnvironment);

        Assert.Contains(message, Assert.IsType<ParsedArguments.Invalid>(parsed).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Arguments_should_ask_for_help_whatever_else_is_given(string help) =>
        Assert.IsType<ParsedArguments.Help>(SoftphoneArguments.Parse(["--user", "bob", help, "--bogus"], NoEnvironment));

    private static SoftphoneOptions Run(params string[] args) =>
        Assert.IsType<ParsedArguments.Run>(SoftphoneArguments.Parse(args, NoEnvironment)).Options;
}
