namespace CallCenter.Media.Rtp;

/// <summary>An RFC 3550 §5.3.1 header extension to write: a 16-bit profile value and whole 32-bit words of data.</summary>
public readonly ref struct RtpExtension
{
    public RtpExtension(ushort profile, ReadOnlySpan<byte> data)
    {
        Profile = profile;
        Data = data;
        IsPresent = true;
    }

    public ushort Profile { get; }

    public ReadOnlySpan<byte> Data { get; }

    /// <summary>False for <c>default</c>: no extension, no X bit.</summary>
    public bool IsPresent { get; }
}
