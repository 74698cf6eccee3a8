using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Parsing;

/// <summary>
/// The checks RFC 3261 §8.1.1 and §8.2 ask of a received message: mandatory headers present once and well formed,
/// CSeq consistent with the method. Validating forces the message's typed views, which are then cached.
/// </summary>
internal static class MessageValidator
{
    private static readonly string[] SingleValued =
        [SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq, SipHeaderNames.MaxForwards,
         SipHeaderNames.ContentType, SipHeaderNames.Expires];

    public static ParseProblem? Validate(SipMessage message)
    {
        var headers = message.Headers;
        foreach (var name in SingleValued)
        {
            if (headers.CountOf(name) > 1)
            {
                return Problem(SipParseErrorCode.DuplicateHeader, $"more than one {name} header");
            }
        }

        var viaValues = headers.Values(SipHeaderNames.Via);
        if (viaValues.Count == 0)
        {
            return Missing(SipHeaderNames.Via);
        }

        if (message.Vias.Count != viaValues.Count)
        {
            return Malformed(SipHeaderNames.Via);
        }

        if (headers.First(SipHeaderNames.From) is null)
        {
            return Missing(SipHeaderNames.From);
        }

        if (message.From is null)
        {
            return Malformed(SipHeaderNames.From);
        }

        if (headers.First(SipHeaderNames.To) is null)
        {
            return Missing(SipHeaderNames.To);
        }

        if (message.To is null)
        {
            return Malformed(SipHeaderNames.To);
        }

        if (string.IsNullOrWhiteSpace(message.CallId))
        {
            return Missing(SipHeaderNames.CallId);
        }

        if (message.CallId.AsSpan().IndexOfAny(' ', '\t') >= 0)
        {
            return Malformed(SipHeaderNames.CallId);
        }

        if (headers.First(SipHeaderNames.CSeq) is null)
        {
            return Missing(SipHeaderNames.CSeq);
        }

        if (message.CSeq is not { } cseq)
        {
            return Malformed(SipHeaderNames.CSeq);
        }

        if (message is SipRequest request)
        {
            if (cseq.Method != request.Method)
            {
                return Problem(SipParseErrorCode.CSeqMethodMismatch, "CSeq method does not match the request method");
            }

            if (headers.First(SipHeaderNames.MaxForwards) is not { } maxForwards)
            {
                return Missing(SipHeaderNames.MaxForwards);
            }

            if (!IsNumberInRange(maxForwards, 255))
            {
                return Malformed(SipHeaderNames.MaxForwards);
            }
        }

        if (headers.First(SipHeaderNames.Expires) is { } expires && !IsNumberInRange(expires, uint.MaxValue))
        {
            return Malformed(SipHeaderNames.Expires);
        }

        return ValidateAddressList(message, SipHeaderNames.Contact, allowWildcard: true)
            ?? ValidateAddressList(message, SipHeaderNames.Route, allowWildcard: false)
            ?? ValidateAddressList(message, SipHeaderNames.RecordRoute, allowWildcard: false);
    }

    private static ParseProblem? ValidateAddressList(SipMessage message, string name, bool allowWildcard)
    {
        var values = message.Headers.Values(name);
        if (values.Count == 0)
        {
            return null;
        }

        if (allowWildcard && message.IsContactWildcard)
        {
            return values.Count == 1 && message.Headers.CountOf(name) == 1 ? null : Malformed(name);
        }

        var parsed = name == SipHeaderNames.Contact ? message.Contacts.Count
            : name == SipHeaderNames.Route ? message.Routes.Count
            : message.RecordRoutes.Count;
        return parsed == values.Count ? null : Malformed(name);
    }

    private static bool IsNumberInRange(string text, ulong max)
    {
        var span = text.AsSpan().Trim(" \t");
        if (span.IsEmpty || span.Length > 10)
        {
            return false;
        }

        ulong value = 0;
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = value * 10 + (ulong)(c - '0');
        }

        return value <= max;
    }

    private static ParseProblem Missing(string name) => Problem(SipParseErrorCode.MissingHeader, $"missing {name} header");

    private static ParseProblem Malformed(string name) => Problem(SipParseErrorCode.BadHeaderValue, $"malformed {name} header");

    private static ParseProblem Problem(SipParseErrorCode code, string reason) => new(code, reason);
}
