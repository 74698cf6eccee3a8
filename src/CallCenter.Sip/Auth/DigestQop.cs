namespace CallCenter.Sip.Auth;

/// <summary>The quality of protection a client chose in its credentials.</summary>
public enum DigestQop
{
    /// <summary>No <c>qop</c> parameter: the RFC 2069 form, kept for old user agents.</summary>
    None,
    Auth,
    AuthInt,
}

/// <summary>The qop values a server offers in a challenge.</summary>
[Flags]
public enum DigestQopOptions
{
    None = 0,
    Auth = 1,
    AuthInt = 2,
}

internal static class DigestQopNames
{
    public const string Auth = "auth";
    public const string AuthInt = "auth-int";

    public static string ToToken(this DigestQop qop) => qop switch
    {
        DigestQop.Auth => Auth,
        DigestQop.AuthInt => AuthInt,
        _ => throw new ArgumentOutOfRangeException(nameof(qop), qop, null),
    };

    public static bool TryParse(ReadOnlySpan<char> token, out DigestQop qop)
    {
        if (token.Equals(Auth, StringComparison.OrdinalIgnoreCase))
        {
            qop = DigestQop.Auth;
            return true;
        }

        if (token.Equals(AuthInt, StringComparison.OrdinalIgnoreCase))
        {
            qop = DigestQop.AuthInt;
            return true;
        }

        qop = DigestQop.None;
        return false;
    }

    /// <summary>Reads a challenge's comma-separated qop list; unknown values are ignored (RFC 7616 §3.3).</summary>
    public static DigestQopOptions ParseOptions(ReadOnlySpan<char> list)
    {
        var options = DigestQopOptions.None;
        foreach (var range in list.Split(','))
        {
            if (TryParse(list[range].Trim(" \t"), out var qop))
            {
                options |= qop == DigestQop.Auth ? DigestQopOptions.Auth : DigestQopOptions.AuthInt;
            }
        }

        return options;
    }

    public static string FormatOptions(DigestQopOptions options) => options switch
    {
        DigestQopOptions.Auth => Auth,
        DigestQopOptions.AuthInt => AuthInt,
        DigestQopOptions.Auth | DigestQopOptions.AuthInt => Auth + "," + AuthInt,
        _ => string.Empty,
    };
}
