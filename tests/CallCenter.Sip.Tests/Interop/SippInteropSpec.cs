using System.Globalization;
using System.Net;
using CallCenter.Testing;

namespace CallCenter.Sip.Tests.Interop;

/// <summary>
/// Interop with a real SIP peer on 127.0.0.1: SIPp's built-in scenarios against user agents built on this stack
/// (transport, transactions, dialogs, SDP). SIPp's exit code is 0 only when every call of its scenario succeeded.
/// </summary>
[Collection(SippCollection.Name)]
public class SippInteropSpec
{
    private const int Calls = 20;
    private static readonly TimeSpan SippTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sipp_uac_calling_the_minimal_uas_should_complete_every_call()
    {
        await using var uas = new MinimalUas();
        await using var sipp = SippProcess.Start(
            ["-sn", "uac", $"127.0.0.1:{uas.Local.Address.Port}", "-i", "127.0.0.1", "-p", Port(),
             "-m", Count(Calls), "-r", "10", "-l", "10", "-d", "100", "-s", "support"],
            SippTimeout);

        var result = await sipp.WaitAsync(SippTimeout + TimeSpan.FromSeconds(10));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Calls, result.SuccessfulCalls);
        Assert.Equal(0, result.FailedCalls);
        Assert.True(await Eventually.TrueAsync(() => uas.CompletedCalls == Calls && uas.OpenDialogs == 0, TimeSpan.FromSeconds(10)),
            $"completed {uas.CompletedCalls}, open dialogs {uas.OpenDialogs}");
        Assert.Empty(uas.Problems);
    }

    [Fact]
    public async Task Minimal_uac_calling_sipp_uas_should_complete_every_call()
    {
        var sippPort = FreePort.Next();
        await using var sipp = SippProcess.Start(
            ["-sn", "uas", "-i", "127.0.0.1", "-p", Count(sippPort), "-m", Count(Calls)], SippTimeout);
        await using var uac = new MinimalUac(new IPEndPoint(IPAddress.Loopback, sippPort));

        for (var call = 0; call < Calls; call++)
        {
            uac.Call("service");
        }

        var completed = await Eventually.TrueAsync(() => uac.CompletedCalls == Calls, TimeSpan.FromSeconds(30));
        var result = await sipp.WaitAsync(SippTimeout + TimeSpan.FromSeconds(10));

        Assert.True(completed, $"completed {uac.CompletedCalls} of {Calls}; problems: {string.Join("; ", uac.Problems)}\n{result}");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Calls, result.SuccessfulCalls);
        Assert.Equal(0, result.FailedCalls);
        Assert.Empty(uac.Problems);
    }

    private static string Port() => Count(FreePort.Next());

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>SIPp runs are heavy on a 2-core machine: they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SippCollection
{
    public const string Name = "sipp";
}
