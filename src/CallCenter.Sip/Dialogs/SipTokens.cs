using System.Security.Cryptography;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Dialogs;

/// <summary>
/// Random tokens for branches, tags and Call-IDs. Branches and Call-IDs must be unique across space and time
/// (§8.1.1.4, §8.1.1.7) and tags need 32 random bits at least (§19.3), so they come from the system CSPRNG.
/// </summary>
public static class SipTokens
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A branch with the RFC 3261 magic cookie; one generator serves the dialog and transaction layers.</summary>
    public static string NewBranch() => SipBranch.New();

    /// <summary>A From/To tag with about 62 random bits.</summary>
    public static string NewTag() => RandomText(12);

    /// <summary>A Call-ID: random local part, our host after the <c>@</c> (§8.1.1.4).</summary>
    public static string NewCallId(string host) => RandomText(24) + "@" + host;

    private static string RandomText(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
