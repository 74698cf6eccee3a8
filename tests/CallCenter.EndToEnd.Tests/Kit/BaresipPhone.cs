using System.Globalization;
using System.Text;
using CallCenter.Testing;
using Xunit.Abstractions;

namespace CallCenter.EndToEnd.Tests.Kit;

/// <summary>
/// baresip (Debian's baresip-core), a real softphone on another SIP stack: an agent's phone that registers and answers
/// every call at once, or a customer's phone that calls a queue. It sends a 440 Hz tone and writes what it hears to a
/// WAV file, runs from its own configuration folder, and quits after its lifetime (-t); disposal kills it if need be.
/// </summary>
internal sealed class BaresipPhone : IAsyncDisposable
{
    private const int SampleRate = 8000;

    private readonly ChildProcess _process;
    private readonly ITestOutputHelper _output;

    private BaresipPhone(ChildProcess process, ITestOutputHelper output, string directory)
    {
        _process = process;
        _output = output;
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>An agent's phone: registers <paramref name="user"/> and answers every call at once, until <paramref name="lifetime"/>.</summary>
    public static BaresipPhone Register(NodeProcess node, string user, string password, TimeSpan lifetime, ITestOutputHelper output) =>
        Start(
            $"<sip:{user}@127.0.0.1:{Text(node.SipPort)};transport=udp>;auth_pass={password};answermode=auto;audio_codecs=PCMA,PCMU;regint=3600",
            [],
            lifetime,
            output);

    /// <summary>A customer's phone: calls <paramref name="queue"/> at once (no registration) and hangs up when it quits after <paramref name="talk"/>.</summary>
    public static BaresipPhone Call(NodeProcess node, string queue, TimeSpan talk, ITestOutputHelper output) =>
        Start("<sip:customer@127.0.0.1>;regint=0;audio_codecs=PCMA,PCMU", ["-e", $"/dial sip:{queue}@127.0.0.1:{Text(node.SipPort)}"], talk, output);

    /// <summary>The exit code once it has quit by itself (its lifetime bound) within <paramref name="timeout"/>.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    private static BaresipPhone Start(string account, IEnumerable<string> arguments, TimeSpan lifetime, ITestOutputHelper output)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("baresip-").FullName;
        WriteTone(Path.Combine(directory, "tone.wav"));
        var rtp = MediaPort.Next();
        File.WriteAllText(Path.Combine(directory, "config"), string.Join('\n',
            "poll_method epoll",
            $"sip_listen 127.0.0.1:{Text(SipPortWithNeighbourFree())}",
            "sip_trans_def udp",
            $"rtp_ports {Text(rtp)}-{Text(rtp + 3)}",
            $"audio_source aufile,{Path.Combine(directory, "tone.wav")}",
            $"audio_player aufile,{Path.Combine(directory, "heard.wav")}",
            "audio_alert aufile,/dev/null",
            "module_path /usr/lib/baresip/modules",
            "module g711.so",
            "module aufile.so",
            "module_app account.so",
            "module_app menu.so",
            ""));
        File.WriteAllText(Path.Combine(directory, "accounts"), account + "\n");
        File.WriteAllText(Path.Combine(directory, "contacts"), "");
        var process = ChildProcess.StartProgram(
            "baresip", "baresip", ["-f", directory, "-t", Text((int)Math.Ceiling(lifetime.TotalSeconds)), .. arguments]);
        return new BaresipPhone(process, output, directory);
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        _output.WriteLine("baresip output:\n" + string.Join('\n', _process.Lines));
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>baresip also listens one port above its SIP port (TLS), so both must be free.</summary>
    private static int SipPortWithNeighbourFree()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = FreePort.Next();
            try
            {
                using var above = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port + 1);
                above.Start();
                above.Stop();
                return port;
            }
            catch (System.Net.Sockets.SocketException)
            {
                // Taken; try another.
            }
        }

        throw new InvalidOperationException("no free port pair for baresip on 127.0.0.1");
    }

    /// <summary>Five seconds of 440 Hz, 16-bit mono PCM at 8 kHz: the only WAV format baresip's aufile source reads.</summary>
    private static void WriteTone(string path)
    {
        const int seconds = 5;
        var samples = SampleRate * seconds;
        using var writer = new BinaryWriter(File.Create(path), Encoding.ASCII);
        writer.Write("RIFF"u8);
        writer.Write(36 + (samples * 2));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(SampleRate);
        writer.Write(SampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (var i = 0; i < samples; i++)
        {
            writer.Write((short)(8000 * Math.Sin(2 * Math.PI * 440 * i / SampleRate)));
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
