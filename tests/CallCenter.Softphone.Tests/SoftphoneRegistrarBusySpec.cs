using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CallCenter.Sip.Transport;

namespace CallCenter.Softphone.Tests;

/// <summary>
/// A registrar that answers 503 with Retry-After (overloaded, or moving the agent's shard) is asked again when it says,
/// as RFC 3261 §21.5.4 allows; without Retry-After a 503 is a refusal. The registrar here is a bare UDP socket on
/// loopback that answers by hand.
/// </summary>
public sealed class SoftphoneRegistrarBusySpec : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Socket _registrar = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public SoftphoneRegistrarBusySpec() => _registrar.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    [Fact]
    public async Task Softphone_should_register_again_when_the_registrar_answers_503_with_Retry_After()
    {
        await using var phone = await Softphone.StartAsync(Options());
        var registering = phone.RegisterAsync(TimeSpan.FromSeconds(5));

        var (first, phoneAddress) = await ReceiveRegisterAsync(afterSequence: 0);
        var answered = Stopwatch.StartNew();
        await AnswerAsync(first, "503 Service Unavailable", "Retry-After: 2 (shard moving)", phoneAddress);
        var (second, _) = await ReceiveRegisterAsync(afterSequence: Sequence(first));
        var waited = answered.Elapsed;
        await AnswerAsync(second, "200 OK", "Expires: 60", phoneAddress);

        Assert.Null(await registering.WaitAsync(Patience));
        Assert.True(waited >= TimeSpan.FromSeconds(1.9), $"the REGISTER came again {waited.TotalMilliseconds:0} ms after the 503, before its Retry-After");
    }

    [Fact]
    public async Task Softphone_should_count_a_503_without_Retry_After_as_a_refusal()
    {
        await using var phone = await Softphone.StartAsync(Options());
        var registering = phone.RegisterAsync(TimeSpan.FromSeconds(5));

        var (first, phoneAddress) = await ReceiveRegisterAsync(afterSequence: 0);
        await AnswerAsync(first, "503 Service Unavailable", extraHeader: null, phoneAddress);
        var failure = await registering.WaitAsync(Patience);

        Assert.NotNull(failure);
        Assert.Equal(SoftphoneStartException.Refused, failure.ExitCode);
        Assert.Contains("503", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _registrar.Dispose();

    /// <summary>The next REGISTER with a CSeq above <paramref name="afterSequence"/>: UDP retransmissions of an earlier one are skipped.</summary>
    private async Task<(string Request, EndPoint From)> ReceiveRegisterAsync(long afterSequence)
    {
        using var deadline = new CancellationTokenSource(Patience);
        var buffer = new byte[65_535];
        while (true)
        {
            var received = await _registrar.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), deadline.Token);
            var request = Encoding.UTF8.GetString(buffer, 0, received.ReceivedBytes);
            if (request.StartsWith("REGISTER ", StringComparison.Ordinal) && Sequence(request) > afterSequence)
            {
                return (request, received.RemoteEndPoint);
            }
        }
    }

    private async Task AnswerAsync(string request, string status, string? extraHeader, EndPoint to)
    {
        var response = new StringBuilder($"SIP/2.0 {status}\r\n");
        foreach (var name in new[] { "Via", "From", "Call-ID", "CSeq" })
        {
            response.Append(Header(request, name)).Append("\r\n");
        }

        response.Append(Header(request, "To")).Append(";tag=registrar\r\n");
        if (extraHeader is not null)
        {
            response.Append(extraHeader).Append("\r\n");
        }

        response.Append("Content-Length: 0\r\n\r\n");
        await _registrar.SendToAsync(Encoding.UTF8.GetBytes(response.ToString()), to);
    }

    private static string Header(string request, string name) =>
        request.Split("\r\n").First(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));

    private static long Sequence(string request) =>
        long.Parse(Header(request, "CSeq")["CSeq:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private SoftphoneOptions Options() => new()
    {
        ServerHost = "127.0.0.1",
        ServerPort = ((IPEndPoint)_registrar.LocalEndPoint!).Port,
        User = "alice",
        Password = "secret",
        Domain = "127.0.0.1",
        Transport = SipProtocol.Udp,
    };
}
