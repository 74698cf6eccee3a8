using System.Globalization;
using CallCenter.Sip.Transport;

namespace CallCenter.Softphone;

/// <summary>The outcome of reading the command line: options to run with, a request for help, or what is wrong.</summary>
internal abstract record ParsedArguments
{
    private ParsedArguments()
    {
    }

    public sealed record Run(SoftphoneOptions Options) : ParsedArguments;

    public sealed record Help : ParsedArguments;

    public sealed record Invalid(string Error) : ParsedArguments;
}

/// <summary>Reads <c>--name value</c> and <c>--name=value</c> options; every mistake gets a message naming the option.</summary>
internal static class SoftphoneArguments
{
    public const string Usage = """
        CallCenter.Softphone: an agent softphone that registers, answers every call and echoes its audio.

        Usage: CallCenter.Softphone --server HOST:PORT --user NAME [--password SECRET] [options]

          --server HOST:PORT     registrar and call center to use (all requests go there)
          --user NAME            the agent's SIP user (registers sip:NAME@DOMAIN)
          --password SECRET      digest password; or set CALLCENTER_SOFTPHONE_PASSWORD
          --domain DOMAIN        SIP domain of the agent (default: the server host)
          --local-port PORT      local SIP port, 0 = any free port (default 0)
          --transport udp|tcp    SIP transport (default udp)
          --answer-after SECS    ring (180) this long before answering (default: answer at once)
          --hangup-after SECS    hang up (BYE) this long after answering (default: wait for the other side)
          --lines N              calls taken at once; more are declined with 486 Busy Here (default 1)
          --expires SECS         registration lifetime asked for (default 3600)
          --help                 this text

        Exit codes: 0 stopped by Ctrl+C / SIGTERM after unregistering, 2 bad arguments,
        3 server unreachable or not answering, 4 registration refused (wrong password, unknown user).
        """;

    private static readonly HashSet<string> Known =
    [
        "server", "user", "password", "domain", "local-port", "transport", "answer-after", "hangup-after", "lines", "expires",
    ];

    public static ParsedArguments Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                return new ParsedArguments.Help();
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                return new ParsedArguments.Invalid($"unexpected argument '{arg}' (options start with --; see --help)");
            }

            var name = arg[2..];
            string? value = null;
            if (name.IndexOf('=', StringComparison.Ordinal) is var equals and >= 0)
            {
                (name, value) = (name[..equals], name[(equals + 1)..]);
            }

            if (!Known.Contains(name))
            {
                return new ParsedArguments.Invalid($"unknown option --{name} (see --help)");
            }

            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    return new ParsedArguments.Invalid($"--{name} needs a value");
                }

                value = args[++i];
            }

            if (!values.TryAdd(name, value))
            {
                return new ParsedArguments.Invalid($"--{name} is given twice");
            }
        }

        return Build(values, environment);
    }

    private static ParsedArguments Build(Dictionary<string, string> values, Func<string, string?> environment)
    {
        if (!values.TryGetValue("server", out var server) || !TrySplitHostPort(server, out var host, out var port))
        {
            return new ParsedArguments.Invalid(values.ContainsKey("server")
                ? $"--server '{server}' is not HOST:PORT with a port from 1 to 65535"
                : "--server HOST:PORT is required");
        }

        if (!values.TryGetValue("user", out var user) || string.IsNullOrWhiteSpace(user) || user.Any(c => char.IsWhiteSpace(c) || c is '@' or ':' or '<' or '>'))
        {
            return new ParsedArguments.Invalid("--user NAME is required: a SIP user name without spaces, '@', ':' or angle brackets");
        }

        var password = values.GetValueOrDefault("password") ?? environment(SoftphoneOptions.PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            return new ParsedArguments.Invalid($"a password is required: --password SECRET or the {SoftphoneOptions.PasswordVariable} environment variable");
        }

        var transport = SipProtocol.Udp;
        if (values.TryGetValue("transport", out var transportText) && !SipProtocolExtensions.TryParse(transportText, out transport))
        {
            return new ParsedArguments.Invalid($"--transport must be udp or tcp, not '{transportText}'");
        }

        int? localPort = null, lines = null, expires = null, answerAfter = null, hangupAfter = null;
        var problem = Number(values, "local-port", 0, 65535, ref localPort)
            ?? Number(values, "lines", 1, 1000, ref lines)
            ?? Number(values, "expires", 1, 86_400, ref expires)
            ?? Number(values, "answer-after", 0, 3600, ref answerAfter)
            ?? Number(values, "hangup-after", 1, 86_400, ref hangupAfter);
        if (problem is not null)
        {
            return new ParsedArguments.Invalid(problem);
        }

        return new ParsedArguments.Run(new SoftphoneOptions
        {
            ServerHost = host,
            ServerPort = port,
            User = user,
            Password = password,
            Domain = values.GetValueOrDefault("domain") is { Length: > 0 } domain ? domain : host,
            LocalPort = localPort ?? 0,
            Transport = transport,
            AnswerAfter = answerAfter is { } ringing ? TimeSpan.FromSeconds(ringing) : null,
            HangupAfter = hangupAfter is { } talk ? TimeSpan.FromSeconds(talk) : null,
            Lines = lines ?? 1,
            Expires = TimeSpan.FromSeconds(expires ?? 3600),
        });
    }

    /// <summary>host:port, [v6]:port; the port is mandatory so that nobody registers with the wrong server by accident.</summary>
    internal static bool TrySplitHostPort(string text, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            return false;
        }

        host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        return host.Length > 0 && !host.Contains('[', StringComparison.Ordinal) && (!host.Contains(':', StringComparison.Ordinal) || text.StartsWith('['));
    }

    private static string? Number(Dictionary<string, string> values, string name, int min, int max, ref int? number)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < min || parsed > max)
        {
            return $"--{name} must be a whole number from {min} to {max}, not '{text}'";
        }

        number = parsed;
        return null;
    }
}
