using System.Globalization;
using System.Text.RegularExpressions;
using CallCenter.EndToEnd.Tests.Kit;
using CallCenter.Testing;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests;

/// <summary>The sample softphone (samples/CallCenter.Softphone) as an agent's phone against the real node.</summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class SoftphoneSpec(ITestOutputHelper output)
{
    /// <summary>SHA-256 offered first: SIPp plays no agent here, so the softphone's preferred algorithm is exercised.</summary>
    private static readonly string OneAgent = Config("");

    /// <summary>
    /// A node starting on a starved machine may not have the agent's entity up within the registrar's 10 s: it answers
    /// 503 with Retry-After 10, and the phone registers again then (seen at load 30 on 2 cores).
    /// </summary>
    private static readonly TimeSpan FirstRegistration = TimeSpan.FromSeconds(45);

    private static string Config(string queueExtra, string registrarExtra = "") => $$"""
        callcenter {
          domain = "127.0.0.1"
          registrar { algorithms = [SHA-256, MD5], {{registrarExtra}} }
          queues { support { strategy = round-robin, {{queueExtra}} } }
          agents { alice { password = "{{Configurations.AlicePassword}}", queues = [support] } }
        }
        """;

    [Fact]
    public async Task Softphone_should_answer_a_customer_echo_its_audio_refuse_a_second_call_take_a_hold_and_unregister_on_Ctrl_C()
    {
        await using var node = await NodeProcess.StartAsync(OneAgent, output);
        var phonePort = FreePort.Next();
        await using var phone = SoftphoneProcess.Start(
            node, "alice", Configurations.AlicePassword, output, "--hangup-after", "2", "--local-port", phonePort.ToString(CultureInfo.InvariantCulture));
        await phone.WaitForLineAsync("registered alice@127.0.0.1", FirstRegistration);
        await node.WaitForStatusAsync(s => s.Agent("alice").Presence == "Available", TimeSpan.FromSeconds(10));

        await using var customer = Phones.Call(node, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(30));
        var call = await customer.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(call.ExitCode == 0 && call.SuccessfulCalls == 1, call.ToString());
        var (received, sent) = RtpCounts(await phone.WaitForLineAsync("hung up call 1", TimeSpan.FromSeconds(10)));
        Assert.True(received > 0 && sent > 0, $"RTP at the softphone: received {received}, sent {sent}");
        var records = await CallRecordRows.WaitForAsync(node.Database, rows => rows.Count == 1 && rows[0].Disposition is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(("alice", "Completed"), (records[0].AgentId, records[0].Disposition));
        var media = Assert.Single((await node.WaitForStatusAsync(s => s.Media.Count == 1, TimeSpan.FromSeconds(10))).Media);
        Assert.True(media.AgentSent > 0 && media.AgentHeard > 0, $"relay saw the softphone send {media.AgentSent}, hear {media.AgentHeard}");

        // Two calls at once straight from SIPp: one line, so the second gets 486 Busy Here.
        await using var direct = SippProcess.Start(
            [
                $"127.0.0.1:{phonePort}", "-sn", "uac", "-m", "2", "-l", "2", "-r", "10", "-d", "1000",
                "-p", FreePort.Next().ToString(CultureInfo.InvariantCulture), "-i", "127.0.0.1",
            ],
            TimeSpan.FromSeconds(20));
        var twoCalls = await direct.WaitAsync(TimeSpan.FromSeconds(25));
        Assert.True(twoCalls.SuccessfulCalls == 1 && twoCalls.FailedCalls == 1, twoCalls.ToString());
        await phone.WaitForLineAsync("1 of 1 line(s) in use (486)", TimeSpan.FromSeconds(5));

        // A caller holding the call (re-INVITE, a=sendonly) must get a=recvonly back; the scenario checks the answer.
        await using var holder = SippProcess.Start(
            [
                $"127.0.0.1:{phonePort}", "-sf", TestPaths.Scenario("phone-hold.xml"), "-s", "alice", "-m", "1",
                "-p", FreePort.Next().ToString(CultureInfo.InvariantCulture), "-mp", MediaPort.Next().ToString(CultureInfo.InvariantCulture),
                "-i", "127.0.0.1", "-mi", "127.0.0.1",
            ],
            TimeSpan.FromSeconds(20));
        var held = await holder.WaitAsync(TimeSpan.FromSeconds(25));
        Assert.True(held.ExitCode == 0 && held.SuccessfulCalls == 1, held.ToString());
        Assert.Contains("recvonly", await phone.WaitForLineAsync("re-INVITE on call", TimeSpan.FromSeconds(5)), StringComparison.Ordinal);

        await phone.InterruptAsync();

        Assert.Equal(0, await phone.WaitForExitAsync(TimeSpan.FromSeconds(15)));
        Assert.Contains("unregistered alice@127.0.0.1", phone.Output, StringComparison.Ordinal);
        var status = await node.WaitForStatusAsync(s => s.Agent("alice").Presence == "Offline", TimeSpan.FromSeconds(10));
        Assert.Null(status.Agent("alice").Contact);
    }

    [Fact]
    public async Task Softphone_should_follow_Min_Expires_refresh_and_stop_ringing_when_the_center_cancels_over_TCP()
    {
        await using var node = await NodeProcess.StartAsync(Config("ring-timeout = 1s", "min-expires = 3s"), output);
        await using var phone = SoftphoneProcess.Start(
            node, "alice", Configurations.AlicePassword, output, "--answer-after", "30", "--transport", "tcp", "--expires", "2");

        // 2 s is below the registrar's minimum: the 423's Min-Expires is taken, and so short a binding is refreshed.
        Assert.Contains("for 3 s", await phone.WaitForLineAsync("registered alice@127.0.0.1", FirstRegistration), StringComparison.Ordinal);
        await phone.WaitForLineAsync("registration refreshed alice@127.0.0.1", TimeSpan.FromSeconds(10));
        await node.WaitForStatusAsync(s => s.Agent("alice").Presence == "Available", TimeSpan.FromSeconds(10));

        await using var customer = Phones.Call(node, "customer.xml", "support", count: 1, rate: 1, TimeSpan.FromSeconds(20));

        await phone.WaitForLineAsync("ringing call 1", TimeSpan.FromSeconds(10));
        Assert.Contains("cancelled by the caller", await phone.WaitForLineAsync("cancelled", TimeSpan.FromSeconds(10)), StringComparison.Ordinal);
        Assert.DoesNotContain("answered call 1", phone.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Softphone_should_stop_with_a_clear_message_and_a_non_zero_exit_code_when_the_password_is_wrong()
    {
        await using var node = await NodeProcess.StartAsync(OneAgent, output);
        await using var phone = SoftphoneProcess.Start(node, "alice", "not-" + Configurations.AlicePassword, output);

        var exitCode = await phone.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(4, exitCode);
        Assert.Contains("authentication failed", phone.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("registered alice", phone.Output, StringComparison.Ordinal);
        Assert.Equal("Offline", (await node.StatusAsync()).Agent("alice").Presence);
    }

    private static (long Received, long Sent) RtpCounts(string line)
    {
        var match = RtpCountsPattern().Match(line);
        Assert.True(match.Success, line);
        return (long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"rtp received=(\d+) sent=(\d+)")]
    private static partial Regex RtpCountsPattern();
}
