using System.Security.Cryptography;

namespace CallCenter.Sip.Transactions;

/// <summary>To tags for responses the transaction layer answers on its own (481, 487, the 200 to a CANCEL).</summary>
internal static class LocalTag
{
    public static string New() => RandomNumberGenerator.GetHexString(16, lowercase: true);
}
