using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Parsing;

/// <summary>The parsed first line. A wrong version or Request-URI is a <see cref="Problem"/> found after the headers are read, so it can still be answered.</summary>
internal readonly record struct StartLine(
    bool IsRequest,
    string? Method,
    SipUri? RequestUri,
    int StatusCode,
    string? ReasonPhrase,
    ParseProblem? Problem)
{
    public SipRequest? ToRequest(SipHeaders headers) =>
        IsRequest ? new SipRequest(Method!, RequestUri!, headers) : null;
}

/// <summary>Request-Line = Method SP Request-URI SP SIP-Version; Status-Line = SIP-Version SP Status-Code SP Reason-Phrase (§7.1, §7.2).</summary>
internal static class StartLineParser
{
    public static bool TryParse(ReadOnlySpan<char> line, out StartLine startLine, out SipParseError? error)
    {
        startLine = default;
        error = null;
        if (line.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseStatusLine(line, out startLine, out error);
        }

        var firstSpace = line.IndexOf(' ');
        var lastSpace = line.LastIndexOf(' ');
        if (firstSpace <= 0 || lastSpace == firstSpace || !SipGrammar.IsToken(line[..firstSpace]))
        {
            error = new SipParseError(SipParseErrorCode.BadStartLine, "malformed request line");
            return false;
        }

        var method = SipMethods.Intern(line[..firstSpace]);
        var uriText = line[(firstSpace + 1)..lastSpace];
        var version = line[(lastSpace + 1)..];
        ParseProblem? problem = null;
        if (!SipUriParser.TryParse(uriText, out var uri))
        {
            uri = new SipUri { Scheme = "invalid", Opaque = uriText.ToString() };
            problem = new ParseProblem(SipParseErrorCode.BadRequestUri, "malformed Request-URI");
        }

        if (!IsVersion20(version))
        {
            if (!version.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase))
            {
                error = new SipParseError(SipParseErrorCode.BadStartLine, "malformed request line");
                return false;
            }

            problem = new ParseProblem(SipParseErrorCode.BadVersion, $"SIP version {version.ToString()} not supported");
        }

        startLine = new StartLine(true, method, uri, 0, null, problem);
        return true;
    }

    private static bool TryParseStatusLine(ReadOnlySpan<char> line, out StartLine startLine, out SipParseError? error)
    {
        startLine = default;
        error = null;
        var firstSpace = line.IndexOf(' ');
        if (firstSpace < 0 || !IsVersion20(line[..firstSpace]))
        {
            error = new SipParseError(SipParseErrorCode.BadVersion, "unsupported SIP version in status line");
            return false;
        }

        var rest = line[(firstSpace + 1)..];
        var codeEnd = rest.IndexOf(' ');
        var code = codeEnd >= 0 ? rest[..codeEnd] : rest;
        if (code.Length != 3 || !char.IsAsciiDigit(code[0]) || !char.IsAsciiDigit(code[1]) || !char.IsAsciiDigit(code[2])
            || code[0] is < '1' or > '6')
        {
            error = new SipParseError(SipParseErrorCode.BadStatusCode, "status code must be three digits from 100 to 699");
            return false;
        }

        var reason = codeEnd >= 0 ? rest[(codeEnd + 1)..].ToString() : "";
        startLine = new StartLine(false, null, null, int.Parse(code), reason, null);
        return true;
    }

    private static bool IsVersion20(ReadOnlySpan<char> version) => version.Equals(SipMessage.Version, StringComparison.OrdinalIgnoreCase);
}
