namespace CallCenter.Sip.Messages;

/// <summary>A SIP response: status code, reason phrase, headers, body.</summary>
public sealed class SipResponse : SipMessage, IEquatable<SipResponse>
{
    public SipResponse(int statusCode, string reasonPhrase, SipHeaders headers, ReadOnlyMemory<byte> body = default)
        : base(headers, body)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public bool IsProvisional => StatusCode < 200;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public bool IsFinal => StatusCode >= 200;

    /// <summary>
    /// A response to <paramref name="request"/> per RFC 3261 §8.2.6: Via lines, From, To, Call-ID and CSeq copied;
    /// a To tag added when one is given and the request's To has none.
    /// </summary>
    public static SipResponse For(SipRequest request, int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        var headers = new List<SipHeader>(8);
        foreach (var header in request.Headers)
        {
            if (ReferenceEquals(header.Name, SipHeaderNames.Via) || ReferenceEquals(header.Name, SipHeaderNames.From)
                || ReferenceEquals(header.Name, SipHeaderNames.CallId) || ReferenceEquals(header.Name, SipHeaderNames.CSeq))
            {
                headers.Add(header);
            }
            else if (ReferenceEquals(header.Name, SipHeaderNames.To))
            {
                var to = header;
                if (toTag is not null && statusCode > 100 && request.To is { Tag: null } address)
                {
                    to = header with { Value = address.WithTag(toTag).ToString() };
                }

                headers.Add(to);
            }
        }

        return new SipResponse(statusCode, reasonPhrase ?? SipStatus.ReasonPhrase(statusCode), new SipHeaders(headers.ToArray()));
    }

    public SipResponse WithHeaders(SipHeaders headers) => new(StatusCode, ReasonPhrase, headers, Body);

    public SipResponse WithHeaders(Func<SipHeaders, SipHeaders> change) => new(StatusCode, ReasonPhrase, change(Headers), Body);

    public SipResponse WithBody(string? contentType, ReadOnlyMemory<byte> body) =>
        new(StatusCode, ReasonPhrase, BodyHeaders.Apply(Headers, contentType), body);

    public bool Equals(SipResponse? other) => other is not null && ContentEquals(other);

    public override bool Equals(object? obj) => Equals(obj as SipResponse);

    public override int GetHashCode() => HashCode.Combine(StatusCode, ReasonPhrase, Headers, Body.Length);

    internal override bool StartLineEquals(SipMessage other) =>
        other is SipResponse response && StatusCode == response.StatusCode && ReasonPhrase == response.ReasonPhrase;
}
