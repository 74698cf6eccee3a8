using CallCenter.Sip.Messages;

namespace CallCenter.Sip.Parsing;

/// <summary>
/// The checks RFC 3261 §8.1.1 and §8.2 ask of a received message: mandatory headers present once and well formed,
/// CSeq consistent with the method, address lists well formed. One pass over the header lines with the allocation-free
/// scanners of <see cref="HeaderValueParser"/>; the message's typed views are built later, on first read.
/// </summary>
internal static class MessageValidator
{
    public static ParseProblem? Validate(SipMessage message)
    {
        var seen = new Counts();
        foreach (var header in message.Headers)
        {
            seen.Add(header);
        }

        return seen.Judge(message as SipRequest);
    }

    private static bool IsValidNameAddress(ReadOnlySpan<char> value) => HeaderValueParser.TryScanNameAddress(value, out _);

    /// <summary>Checks every item of a list line; an empty item (",,") is malformed.</summary>
    private static bool AreValidItems(string line, bool vias, ref int items, ref int wildcards)
    {
        var position = 0;
        var valid = true;
        while (HeaderValueSplitter.TryNextItem(line, ref position, out var range))
        {
            items++;
            var item = line.AsSpan(range);
            if (item is "*")
            {
                wildcards++;
            }
            else if (item.IsEmpty || !(vias ? HeaderValueParser.TryScanVia(item, out _) : IsValidNameAddress(item)))
            {
                valid = false;
            }
        }

        return valid;
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

    private static ParseProblem Missing(string name) => new(SipParseErrorCode.MissingHeader, $"missing {name} header");

    private static ParseProblem Malformed(string name) => new(SipParseErrorCode.BadHeaderValue, $"malformed {name} header");

    private static ParseProblem Duplicate(string name) => new(SipParseErrorCode.DuplicateHeader, $"more than one {name} header");

    /// <summary>What one pass over the header lines found; judged afterwards in a fixed order, so a message with several faults always reports the same one.</summary>
    private struct Counts
    {
        private int _vias;
        private bool _viaMalformed;
        private int _from;
        private string? _fromValue;
        private int _to;
        private string? _toValue;
        private int _callId;
        private string? _callIdValue;
        private int _cseq;
        private string? _cseqValue;
        private int _maxForwards;
        private string? _maxForwardsValue;
        private int _contentType;
        private int _expires;
        private string? _expiresValue;
        private int _contactLines;
        private int _contactItems;
        private int _contactWildcards;
        private bool _contactMalformed;
        private bool _routeMalformed;
        private bool _recordRouteMalformed;

        public void Add(SipHeader header)
        {
            var name = header.Name;
            var unused = 0;
            if (ReferenceEquals(name, SipHeaderNames.Via))
            {
                var wildcards = 0;
                _viaMalformed |= !AreValidItems(header.Value, vias: true, ref _vias, ref wildcards) || wildcards > 0;
            }
            else if (ReferenceEquals(name, SipHeaderNames.From))
            {
                _fromValue ??= header.Value;
                _from++;
            }
            else if (ReferenceEquals(name, SipHeaderNames.To))
            {
                _toValue ??= header.Value;
                _to++;
            }
            else if (ReferenceEquals(name, SipHeaderNames.CallId))
            {
                _callIdValue ??= header.Value;
                _callId++;
            }
            else if (ReferenceEquals(name, SipHeaderNames.CSeq))
            {
                _cseqValue ??= header.Value;
                _cseq++;
            }
            else if (ReferenceEquals(name, SipHeaderNames.MaxForwards))
            {
                _maxForwardsValue ??= header.Value;
                _maxForwards++;
            }
            else if (ReferenceEquals(name, SipHeaderNames.ContentType))
            {
                _contentType++;
            }
            else if (ReferenceEquals(name, SipHeaderNames.Expires))
            {
                _expiresValue ??= header.Value;
                _expires++;
            }
            else if (ReferenceEquals(name, SipHeaderNames.Contact))
            {
                _contactLines++;
                _contactMalformed |= !AreValidItems(header.Value, vias: false, ref _contactItems, ref _contactWildcards);
            }
            else if (ReferenceEquals(name, SipHeaderNames.Route))
            {
                var wildcards = 0;
                _routeMalformed |= !AreValidItems(header.Value, vias: false, ref unused, ref wildcards) || wildcards > 0;
            }
            else if (ReferenceEquals(name, SipHeaderNames.RecordRoute))
            {
                var wildcards = 0;
                _recordRouteMalformed |= !AreValidItems(header.Value, vias: false, ref unused, ref wildcards) || wildcards > 0;
            }
        }

        public readonly ParseProblem? Judge(SipRequest? request) =>
            Duplicates() ?? Mandatory(request) ?? Optional();

        private readonly ParseProblem? Duplicates() =>
            _from > 1 ? Duplicate(SipHeaderNames.From)
            : _to > 1 ? Duplicate(SipHeaderNames.To)
            : _callId > 1 ? Duplicate(SipHeaderNames.CallId)
            : _cseq > 1 ? Duplicate(SipHeaderNames.CSeq)
            : _maxForwards > 1 ? Duplicate(SipHeaderNames.MaxForwards)
            : _contentType > 1 ? Duplicate(SipHeaderNames.ContentType)
            : _expires > 1 ? Duplicate(SipHeaderNames.Expires)
            : null;

        private readonly ParseProblem? Mandatory(SipRequest? request)
        {
            if (_vias == 0)
            {
                return Missing(SipHeaderNames.Via);
            }

            if (_viaMalformed)
            {
                return Malformed(SipHeaderNames.Via);
            }

            if (_fromValue is null)
            {
                return Missing(SipHeaderNames.From);
            }

            if (!IsValidNameAddress(_fromValue))
            {
                return Malformed(SipHeaderNames.From);
            }

            if (_toValue is null)
            {
                return Missing(SipHeaderNames.To);
            }

            if (!IsValidNameAddress(_toValue))
            {
                return Malformed(SipHeaderNames.To);
            }

            if (string.IsNullOrWhiteSpace(_callIdValue))
            {
                return Missing(SipHeaderNames.CallId);
            }

            if (_callIdValue.AsSpan().IndexOfAny(' ', '\t') >= 0)
            {
                return Malformed(SipHeaderNames.CallId);
            }

            if (_cseqValue is null)
            {
                return Missing(SipHeaderNames.CSeq);
            }

            if (!HeaderValueParser.TryScanCSeq(_cseqValue, out _, out var method))
            {
                return Malformed(SipHeaderNames.CSeq);
            }

            if (request is null)
            {
                return null;
            }

            if (!_cseqValue.AsSpan(method).SequenceEqual(request.Method))
            {
                return new ParseProblem(SipParseErrorCode.CSeqMethodMismatch, "CSeq method does not match the request method");
            }

            if (_maxForwardsValue is null)
            {
                return Missing(SipHeaderNames.MaxForwards);
            }

            return IsNumberInRange(_maxForwardsValue, 255) ? null : Malformed(SipHeaderNames.MaxForwards);
        }

        private readonly ParseProblem? Optional()
        {
            if (_expiresValue is not null && !IsNumberInRange(_expiresValue, uint.MaxValue))
            {
                return Malformed(SipHeaderNames.Expires);
            }

            // "Contact: *" is only valid alone: one line, one item (§10.2.2, §20.10).
            if (_contactMalformed || (_contactWildcards > 0 && (_contactItems != 1 || _contactLines != 1)))
            {
                return Malformed(SipHeaderNames.Contact);
            }

            return _routeMalformed ? Malformed(SipHeaderNames.Route)
                : _recordRouteMalformed ? Malformed(SipHeaderNames.RecordRoute)
                : null;
        }
    }
}
