using System.Security.Cryptography;

namespace CallCenter.Sip.Transactions;

/// <summary>Fresh Via branch values: the RFC 3261 cookie plus 128 random bits, unique across space and time (§8.1.1.7).</summary>
public static class SipBranch
{
    public static string New() => Messages.Via.BranchCookie + RandomNumberGenerator.GetHexString(32, lowercase: true);
}
