using CallCenter.EndToEnd.Tests.Kit;
using CallCenter.Testing;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests;

/// <summary>The node's registrar as real phones (SIPp) meet it.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class RegistrarSpec(ITestOutputHelper output)
{
    [Fact]
    public async Task Registrar_should_challenge_a_wrong_password_and_an_unknown_user_alike_and_never_register_them()
    {
        await using var node = await NodeProcess.StartAsync(Configurations.TwoAgents(), output);
        var contactPort = FreePort.Next();

        var wrongPassword = await Phones.RegisterAsync(node, "alice", "not-her-password", contactPort);
        var unknownUser = await Phones.RegisterAsync(node, "mallory", "whatever", contactPort);

        // SIPp stops at the second 401 where it expected 200: challenged again, never registered.
        foreach (var attempt in new[] { wrongPassword, unknownUser })
        {
            Assert.NotEqual(0, attempt.ExitCode);
            Assert.Equal(0, attempt.SuccessfulCalls);
            Assert.Contains("SIP/2.0 401 Unauthorized", attempt.Statistics.GetValueOrDefault("ErrorLog", ""), StringComparison.Ordinal);
        }

        var status = await node.StatusAsync();
        Assert.All(status.Agents, a => Assert.Equal("Offline", a.Presence));
    }

    [Fact]
    public async Task Registrar_should_register_an_agent_with_the_right_password()
    {
        await using var node = await NodeProcess.StartAsync(Configurations.TwoAgents(), output);
        var contactPort = FreePort.Next();

        var registered = await Phones.RegisterAsync(node, "bob", Configurations.BobPassword, contactPort);

        Assert.True(registered.ExitCode == 0, registered.ToString());
        var status = await node.WaitForStatusAsync(s => s.Agent("bob").Presence == "Available", TimeSpan.FromSeconds(10));
        Assert.Equal($"<sip:bob@127.0.0.1:{contactPort}>", status.Agent("bob").Contact);
        Assert.Equal("Offline", status.Agent("alice").Presence);
    }
}
