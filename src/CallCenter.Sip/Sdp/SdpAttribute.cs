namespace CallCenter.Sip.Sdp;

/// <summary>An a= line, verbatim: a property attribute has no value, a value attribute has one (possibly empty).</summary>
public sealed record SdpAttribute(string Name, string? Value = null)
{
    public override string ToString() => Value is null ? Name : Name + ":" + Value;
}

/// <summary>Names of the attributes this stack reads or writes.</summary>
public static class SdpAttributeNames
{
    public const string RtpMap = "rtpmap";
    public const string Fmtp = "fmtp";
    public const string Ptime = "ptime";
    public const string MaxPtime = "maxptime";
    public const string Rtcp = "rtcp";
    public const string SendRecv = "sendrecv";
    public const string SendOnly = "sendonly";
    public const string RecvOnly = "recvonly";
    public const string Inactive = "inactive";
}
