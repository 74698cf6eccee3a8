using System.Security.Cryptography;
using CallCenter.Sip.Messages;
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

    /// <summary>
    /// The To tag of a stateless answer (§8.2.7: "generated in a stateless manner", the same for every
    /// retransmission of a request): a hash of what identifies the request (Call-ID, From tag, top Via branch and
    /// sent-by, CSeq), so different requests still get different tags.
    /// </summary>
    public static string StatelessTag(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var via = request.TopVia;
        var identity = $"{request.CallId}\n{request.From?.Tag}\n{via?.Branch}\n{via?.SentBy}\n{request.CSeq}";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>A Call-ID: random local part, our host after the <c>@</c> (§8.1.1.4).</summary>
    public static string NewCallId(string host) => RandomText(24) + "@" + host;

    private static string RandomText(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
