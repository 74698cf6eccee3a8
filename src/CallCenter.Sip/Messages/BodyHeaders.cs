namespace CallCenter.Sip.Messages;

internal static class BodyHeaders
{
    public static SipHeaders Apply(SipHeaders headers, string? contentType) =>
        contentType is null ? headers.Remove(SipHeaderNames.ContentType) : headers.Set(SipHeaderNames.ContentType, contentType);
}
