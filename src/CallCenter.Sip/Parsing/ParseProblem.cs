namespace CallCenter.Sip.Parsing;

/// <summary>An error found before the message (and so the request to answer) exists.</summary>
internal readonly record struct ParseProblem(SipParseErrorCode Code, string Reason);
