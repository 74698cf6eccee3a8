namespace CallCenter.Sip.Messages;

/// <summary>A SIP request: method, Request-URI, headers, body.</summary>
public sealed class SipRequest : SipMessage, IEquatable<SipRequest>
{
    public SipRequest(string method, SipUri requestUri, SipHeaders headers, ReadOnlyMemory<byte> body = default)
        : base(headers, body)
    {
        Method = method;
        RequestUri = requestUri;
    }

    public string Method { get; }

    public SipUri RequestUri { get; }

    public SipRequest WithHeaders(SipHeaders headers) => new(Method, RequestUri, headers, Body);

    public SipRequest WithHeaders(Func<SipHeaders, SipHeaders> change) => new(Method, RequestUri, change(Headers), Body);

    public SipRequest WithRequestUri(SipUri uri) => new(Method, uri, Headers, Body);

    /// <summary>Replaces the body and its Content-Type (none when <paramref name="contentType"/> is null).</summary>
    public SipRequest WithBody(string? contentType, ReadOnlyMemory<byte> body) =>
        new(Method, RequestUri, BodyHeaders.Apply(Headers, contentType), body);

    public bool Equals(SipRequest? other) => other is not null && ContentEquals(other);

    public override bool Equals(object? obj) => Equals(obj as SipRequest);

    public override int GetHashCode() => HashCode.Combine(Method, RequestUri, Headers, Body.Length);

    internal override bool StartLineEquals(SipMessage other) =>
        other is SipRequest request && Method == request.Method && RequestUri.Equals(request.RequestUri);
}
