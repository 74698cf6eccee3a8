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

        // Trailing whitespace breaks the Request-Line (RFC 4475 §3.1.2.10) but leaves it readable enough to answer 400.
        var trimmed = line.TrimEnd(" \t");
        var firstSpace = trimmed.IndexOf(' ');
        var lastSpace = trimmed.LastIndexOf(' ');
        if (firstSpace <= 0 || lastSpace == firstSpace || !SipGrammar.IsToken(trimmed[..firstSpace]))
        {
            error = new SipParseError(SipParseErrorCode.BadStartLine, "malformed request line");
            return false;
        }

        var method = SipMethods.Intern(trimmed[..firstSpace]);
        var uriText = trimmed[(firstSpace + 1)..lastSpace];
        var version = trimmed[(lastSpace + 1)..];
        ParseProblem? problem = trimmed.Length != line.Length
            ? new ParseProblem(SipParseErrorCode.BadStartLine, "whitespace after the SIP version")
            : null;
        if (!SipUriParser.TryParse(uriText, out var uri))
        {
            uri = new SipUri { Scheme = "invalid", Opaque = uriText.ToString() };
            problem = new ParseProblem(SipParseErrorCode.BadRequestUri, "malformed Request-URI");
        }
        else if (uri.Headers is not null)
        {
            // Escaped headers are not allowed in a Request-URI (§19.1.1 table 1, RFC 4475 §3.1.2.11); refusing is
            // safer than forwarding or acting on them.
            problem = new ParseProblem(SipParseErrorCode.BadRequestUri, "headers in the Request-URI");
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

        var reasonText = codeEnd >= 0 ? rest[(codeEnd + 1)..] : default;
        if (SipGrammar.HasControl(reasonText))
        {
            error = new SipParseError(SipParseErrorCode.BadStartLine, "control character in the reason phrase");
            return false;
        }

        var reason = reasonText.IsEmpty ? "" : reasonText.ToString();
        startLine = new StartLine(false, null, null, int.Parse(code), reason, null);
        return true;
    }

    private static bool IsVersion20(ReadOnlySpan<char> version) => version.Equals(SipMessage.Version, StringComparison.OrdinalIgnoreCase);
}
