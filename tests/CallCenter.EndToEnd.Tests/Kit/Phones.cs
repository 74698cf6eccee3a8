using System.Globalization;
using CallCenter.Testing;

namespace CallCenter.EndToEnd.Tests.Kit;

/// <summary>SIPp runs that play the agents' and customers' phones against a <see cref="NodeProcess"/>.</summary>
internal static class Phones
{
    public const string Domain = "127.0.0.1";

    /// <summary>One REGISTER with digest authentication (SIPp answers the first challenge, with MD5); the Contact names
    /// <paramref name="contactPort"/>, where the agent's answering phone listens.</summary>
    public static async Task<SippResult> RegisterAsync(NodeProcess node, string agent, string password, int contactPort, int expires = 3600)
    {
        await using var sipp = SippProcess.Start(
            [
                node.Endpoint, "-sf", TestPaths.Scenario("agent-register.xml"), "-m", "1",
                "-s", agent, "-au", agent, "-ap", password, "-auth_uri", Domain,
                "-key", "domain", Domain, "-key", "contact_port", Text(contactPort), "-key", "expires", Text(expires),
                "-i", "127.0.0.1", "-p", Text(FreePort.Next()),
            ],
            TimeSpan.FromSeconds(20));
        return await sipp.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>An agent's phone that answers every call on <paramref name="port"/> and echoes its audio: agent-answer.xml
    /// talks <paramref name="talk"/> and hangs up, agent-answer-wait.xml waits for the center's BYE. Like a real phone
    /// (and unlike SIPp's default, which aborts the call) it answers the center's in-dialog OPTIONS probes (-aa).</summary>
    public static SippProcess AnswerCalls(string scenario, int port, TimeSpan talk, TimeSpan lifetime) =>
        SippProcess.Start(
            [
                "-sf", TestPaths.Scenario(scenario), "-p", Text(port), "-mp", Text(MediaPort.Next()), "-rtp_echo", "-aa",
                "-d", Text((int)talk.TotalMilliseconds), "-i", "127.0.0.1", "-mi", "127.0.0.1",
            ],
            lifetime);

    /// <summary><paramref name="count"/> customers calling <paramref name="queue"/> at <paramref name="rate"/> calls per second,
    /// answering the center's in-dialog OPTIONS probes (-aa).</summary>
    public static SippProcess Call(
        NodeProcess node, string scenario, string queue, int count, double rate, TimeSpan lifetime, TimeSpan? hangUpAfter = null) =>
        SippProcess.Start(
            [
                node.Endpoint, "-sf", TestPaths.Scenario(scenario), "-s", queue, "-key", "domain", Domain, "-aa",
                "-m", Text(count), "-l", Text(count), "-r", rate.ToString(CultureInfo.InvariantCulture),
                "-d", Text((int)(hangUpAfter ?? TimeSpan.FromSeconds(1)).TotalMilliseconds),
                "-p", Text(FreePort.Next()), "-mp", Text(MediaPort.Next()), "-i", "127.0.0.1", "-mi", "127.0.0.1",
            ],
            lifetime);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
