namespace CallCenter.Sip.Parsing;

/// <summary>
/// The parameter names nearly every message carries (Via branch/received/rport, From/To tag, lr, transport), as
/// one shared string each: a parsed name spelled exactly like one of them costs no allocation. Any other spelling
/// (another case included) is copied as written, so the text a view returns never changes.
/// </summary>
internal static class ParameterNames
{
    public static string Get(ReadOnlySpan<char> name) => name switch
    {
        "branch" => "branch",
        "tag" => "tag",
        "rport" => "rport",
        "received" => "received",
        "lr" => "lr",
        "transport" => "transport",
        "user" => "user",
        "expires" => "expires",
        "maddr" => "maddr",
        "ttl" => "ttl",
        "q" => "q",
        "method" => "method",
        _ => name.ToString(),
    };
}
