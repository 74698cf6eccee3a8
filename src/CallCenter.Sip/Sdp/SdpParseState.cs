using System.Collections.Immutable;

namespace CallCenter.Sip.Sdp;

/// <summary>The description being assembled, one line at a time; each line either fits or yields an error.</summary>
internal sealed class SdpParseState(SdpParserLimits limits)
{
    private readonly List<string> _emails = [];
    private readonly List<string> _phones = [];
    private readonly List<SdpBandwidth> _bandwidths = [];
    private readonly List<TimingBuilder> _timings = [];
    private readonly List<SdpAttribute> _attributes = [];
    private readonly List<MediaBuilder> _media = [];
    private bool _sawVersion;
    private SdpOrigin? _origin;
    private string? _sessionName;
    private string? _information;
    private string? _uri;
    private SdpConnection? _connection;
    private string? _timeZones;
    private string? _key;
    private MediaBuilder? _current;
    private int _lineNumber;

    /// <summary>Takes one non-blank line with trailing blanks already removed.</summary>
    public SdpError? ReadLine(ReadOnlySpan<char> line, int lineNumber)
    {
        _lineNumber = lineNumber;
        if (line.Length < 2 || line[1] != '=')
        {
            return Error(SdpErrorKind.MalformedLine, line, "expected <type>=<value>");
        }

        if (line.Contains('\0'))
        {
            return Error(SdpErrorKind.MalformedLine, line, "NUL is not allowed in SDP text");
        }

        var type = line[0];
        var value = line[2..];
        if (!_sawVersion)
        {
            return type == 'v' ? ReadVersion(line, value) : Error(SdpErrorKind.MissingVersion, line, "the first line must be v=0");
        }

        return _current is null ? ReadSessionLine(type, line, value) : ReadMediaLine(_current, type, line, value);
    }

    public bool TryFinish(out SessionDescription session, out SdpError error)
    {
        session = null!;
        if (!_sawVersion)
        {
            error = SdpError.Whole(SdpErrorKind.Empty, "no SDP lines");
            return false;
        }

        if (_origin is null)
        {
            error = SdpError.Whole(SdpErrorKind.MissingOrigin, "o= is mandatory");
            return false;
        }

        if (_sessionName is null)
        {
            error = SdpError.Whole(SdpErrorKind.MissingSessionName, "s= is mandatory");
            return false;
        }

        if (_timings.Count == 0)
        {
            error = SdpError.Whole(SdpErrorKind.MissingTiming, "at least one t= is mandatory");
            return false;
        }

        var media = ImmutableArray.CreateBuilder<MediaDescription>(_media.Count);
        foreach (var builder in _media)
        {
            if (_connection is null && builder.Connections.Count == 0)
            {
                error = SdpError.At(
                    SdpErrorKind.MissingConnection,
                    builder.LineNumber,
                    builder.Line,
                    "no c= in this media section and none at session level");
                return false;
            }

            media.Add(builder.Build());
        }

        session = new SessionDescription
        {
            Origin = _origin,
            SessionName = _sessionName,
            Information = _information,
            Uri = _uri,
            Emails = ValueList.From(_emails),
            Phones = ValueList.From(_phones),
            Connection = _connection,
            Bandwidths = ValueList.From(_bandwidths),
            Timings = ValueList.From(_timings.Select(t => t.Build())),
            TimeZones = _timeZones,
            EncryptionKey = _key,
            Attributes = ValueList.From(_attributes),
            Media = media.MoveToImmutable(),
        };
        error = null!;
        return true;
    }

    private SdpError? ReadVersion(ReadOnlySpan<char> line, ReadOnlySpan<char> value)
    {
        if (!value.Trim().SequenceEqual("0"))
        {
            return Error(SdpErrorKind.UnsupportedVersion, line, "only SDP version 0 exists");
        }

        _sawVersion = true;
        return null;
    }

    private SdpError? ReadSessionLine(char type, ReadOnlySpan<char> line, ReadOnlySpan<char> value)
    {
        switch (type)
        {
            case 'o':
                return _origin is not null ? Duplicate(line) : ReadOrigin(line, value);
            case 's':
                return SetOnce(ref _sessionName, line, value);
            case 'i':
                return SetOnce(ref _information, line, value);
            case 'u':
                return SetOnce(ref _uri, line, value);
            case 'e':
                _emails.Add(value.ToString());
                return null;
            case 'p':
                _phones.Add(value.ToString());
                return null;
            case 'c':
                if (_connection is not null)
                {
                    return Duplicate(line);
                }

                return ReadConnection(line, value, out _connection);
            case 'b':
                return ReadBandwidth(line, value, _bandwidths);
            case 't':
                return ReadTiming(line, value);
            case 'r':
                if (_timings.Count == 0)
                {
                    return Error(SdpErrorKind.MisplacedLine, line, "r= must follow a t= line");
                }

                if (value.IsEmpty)
                {
                    return Error(SdpErrorKind.InvalidTiming, line, "empty r=");
                }

                _timings[^1].Repeats.Add(value.ToString());
                return null;
            case 'z':
                if (value.IsEmpty)
                {
                    return Error(SdpErrorKind.InvalidTiming, line, "empty z=");
                }

                return SetOnce(ref _timeZones, line, value);
            case 'k':
                return SetOnce(ref _key, line, value);
            case 'a':
                return ReadAttribute(line, value, _attributes);
            case 'm':
                return ReadMedia(line, value);
            case 'v':
                return Error(SdpErrorKind.MisplacedLine, line, "v= may only be the first line");
            default:
                return Error(SdpErrorKind.UnknownLineType, line, $"unknown line type '{type}'");
        }
    }

    private SdpError? ReadMediaLine(MediaBuilder media, char type, ReadOnlySpan<char> line, ReadOnlySpan<char> value)
    {
        switch (type)
        {
            case 'm':
                return ReadMedia(line, value);
            case 'i':
                if (media.Information is not null)
                {
                    return Duplicate(line);
                }

                media.Information = value.ToString();
                return null;
            case 'c':
            {
                var connectionError = ReadConnection(line, value, out var connection);
                if (connection is not null)
                {
                    media.Connections.Add(connection);
                }

                return connectionError;
            }
            case 'b':
                return ReadBandwidth(line, value, media.Bandwidths);
            case 'k':
                if (media.Key is not null)
                {
                    return Duplicate(line);
                }

                media.Key = value.ToString();
                return null;
            case 'a':
                return ReadAttribute(line, value, media.Attributes);
            case 'v' or 'o' or 's' or 'u' or 'e' or 'p' or 't' or 'r' or 'z':
                return Error(SdpErrorKind.MisplacedLine, line, $"{type}= belongs to the session level, before the first m=");
            default:
                return Error(SdpErrorKind.UnknownLineType, line, $"unknown line type '{type}'");
        }
    }

    private SdpError? ReadOrigin(ReadOnlySpan<char> line, ReadOnlySpan<char> value)
    {
        Span<Range> fields = stackalloc Range[6];
        if (SdpTokens.Split(value, fields) != 6)
        {
            return Error(SdpErrorKind.InvalidOrigin, line, "o= needs username, sess-id, sess-version, nettype, addrtype and address");
        }

        var username = value[fields[0]];
        var sessionId = value[fields[1]];
        var networkType = value[fields[3]];
        var addressType = value[fields[4]];
        var address = value[fields[5]];
        if (!SdpNumbers.TryParseULong(value[fields[2]], out var version))
        {
            return Error(SdpErrorKind.InvalidOrigin, line, "sess-version must be a number of at most 64 bits");
        }

        if (!SdpTokens.IsNonWhitespace(username) || !SdpTokens.IsNonWhitespace(sessionId)
            || !SdpTokens.IsToken(networkType) || !SdpTokens.IsToken(addressType) || !SdpTokens.IsNonWhitespace(address))
        {
            return Error(SdpErrorKind.InvalidOrigin, line, "invalid characters in o=");
        }

        _origin = new SdpOrigin(
            username.ToString(),
            sessionId.ToString(),
            version,
            networkType.ToString(),
            addressType.ToString(),
            address.ToString());
        return null;
    }

    private SdpError? ReadConnection(ReadOnlySpan<char> line, ReadOnlySpan<char> value, out SdpConnection? connection)
    {
        connection = null;
        Span<Range> fields = stackalloc Range[3];
        if (SdpTokens.Split(value, fields) != 3
            || !SdpTokens.IsToken(value[fields[0]])
            || !SdpTokens.IsToken(value[fields[1]])
            || !SdpTokens.IsNonWhitespace(value[fields[2]]))
        {
            return Error(SdpErrorKind.InvalidConnection, line, "c= needs nettype, addrtype and address");
        }

        connection = new SdpConnection(value[fields[0]].ToString(), value[fields[1]].ToString(), value[fields[2]].ToString());
        return null;
    }

    private SdpError? ReadBandwidth(ReadOnlySpan<char> line, ReadOnlySpan<char> value, List<SdpBandwidth> into)
    {
        var colon = value.IndexOf(':');
        if (colon < 0
            || !SdpTokens.IsToken(value[..colon])
            || !SdpNumbers.TryParseULong(value[(colon + 1)..], out var bandwidth))
        {
            return Error(SdpErrorKind.InvalidBandwidth, line, "b= needs <bwtype>:<number>");
        }

        into.Add(new SdpBandwidth(value[..colon].ToString(), bandwidth));
        return null;
    }

    private SdpError? ReadTiming(ReadOnlySpan<char> line, ReadOnlySpan<char> value)
    {
        Span<Range> fields = stackalloc Range[2];
        if (SdpTokens.Split(value, fields) != 2
            || !SdpNumbers.TryParseULong(value[fields[0]], out var start)
            || !SdpNumbers.TryParseULong(value[fields[1]], out var stop))
        {
            return Error(SdpErrorKind.InvalidTiming, line, "t= needs <start-time> <stop-time>");
        }

        _timings.Add(new TimingBuilder(start, stop));
        return null;
    }

    private SdpError? ReadAttribute(ReadOnlySpan<char> line, ReadOnlySpan<char> value, List<SdpAttribute> into)
    {
        var colon = value.IndexOf(':');
        var name = colon < 0 ? value : value[..colon];
        if (!SdpTokens.IsToken(name))
        {
            return Error(SdpErrorKind.InvalidAttribute, line, "attribute name must be a token");
        }

        into.Add(new SdpAttribute(name.ToString(), colon < 0 ? null : value[(colon + 1)..].ToString()));
        return null;
    }

    private SdpError? ReadMedia(ReadOnlySpan<char> line, ReadOnlySpan<char> value)
    {
        if (_media.Count == limits.MaxMedia)
        {
            return Error(SdpErrorKind.TooManyMedia, line, $"more than {limits.MaxMedia} m= lines");
        }

        var capacity = 3 + limits.MaxFormatsPerMedia;
        Span<Range> fields = capacity <= 256 ? stackalloc Range[capacity] : new Range[capacity];
        var count = SdpTokens.Split(value, fields);
        if (count > fields.Length)
        {
            return Error(SdpErrorKind.TooManyFormats, line, $"more than {limits.MaxFormatsPerMedia} formats");
        }

        if (count < 3)
        {
            return Error(SdpErrorKind.InvalidMedia, line, "m= needs media, port and proto");
        }

        var mediaType = value[fields[0]];
        var portField = value[fields[1]];
        var protocol = value[fields[2]];
        if (!SdpTokens.IsToken(mediaType))
        {
            return Error(SdpErrorKind.InvalidMedia, line, "media type must be a token");
        }

        int? portCount = null;
        var slash = portField.IndexOf('/');
        if (slash >= 0)
        {
            if (!SdpNumbers.TryParsePositiveInt(portField[(slash + 1)..], out var ports))
            {
                return Error(SdpErrorKind.InvalidMedia, line, "number of ports must be a positive number");
            }

            portCount = ports;
            portField = portField[..slash];
        }

        if (!SdpNumbers.TryParsePort(portField, out var port))
        {
            return Error(SdpErrorKind.InvalidMedia, line, "port must be 0-65535");
        }

        if (!IsProtocol(protocol))
        {
            return Error(SdpErrorKind.InvalidMedia, line, "proto must be tokens separated by '/'");
        }

        var formats = ImmutableArray.CreateBuilder<string>(count - 3);
        for (var i = 3; i < count; i++)
        {
            var format = value[fields[i]];
            if (!SdpTokens.IsToken(format))
            {
                return Error(SdpErrorKind.InvalidMedia, line, "format must be a token");
            }

            formats.Add(format.ToString());
        }

        _current = new MediaBuilder(_lineNumber, SdpError.Quote(line))
        {
            Media = mediaType.ToString(),
            Port = port,
            PortCount = portCount,
            Protocol = protocol.ToString(),
            Formats = formats.MoveToImmutable(),
        };
        _media.Add(_current);
        return null;
    }

    private static bool IsProtocol(ReadOnlySpan<char> protocol)
    {
        foreach (var part in protocol.Split('/'))
        {
            if (!SdpTokens.IsToken(protocol[part]))
            {
                return false;
            }
        }

        return true;
    }

    private SdpError? SetOnce(ref string? field, ReadOnlySpan<char> line, ReadOnlySpan<char> value)
    {
        if (field is not null)
        {
            return Duplicate(line);
        }

        field = value.ToString();
        return null;
    }

    private SdpError Duplicate(ReadOnlySpan<char> line) =>
        Error(SdpErrorKind.DuplicateLine, line, $"{line[0]}= may appear only once here");

    private SdpError Error(SdpErrorKind kind, ReadOnlySpan<char> line, string message) =>
        SdpError.At(kind, _lineNumber, line, message);

    private sealed class TimingBuilder(ulong start, ulong stop)
    {
        public List<string> Repeats { get; } = [];

        public SdpTiming Build() => new(start, stop, ValueList.From(Repeats));
    }

    private sealed class MediaBuilder(int lineNumber, string line)
    {
        public int LineNumber { get; } = lineNumber;

        public string Line { get; } = line;

        public required string Media { get; init; }

        public required int Port { get; init; }

        public required int? PortCount { get; init; }

        public required string Protocol { get; init; }

        public required ImmutableArray<string> Formats { get; init; }

        public List<SdpConnection> Connections { get; } = [];

        public List<SdpBandwidth> Bandwidths { get; } = [];

        public List<SdpAttribute> Attributes { get; } = [];

        public string? Information { get; set; }

        public string? Key { get; set; }

        public MediaDescription Build() => new()
        {
            Media = Media,
            Port = Port,
            PortCount = PortCount,
            Protocol = Protocol,
            Formats = Formats,
            Information = Information,
            Connections = ValueList.From(Connections),
            Bandwidths = ValueList.From(Bandwidths),
            EncryptionKey = Key,
            Attributes = ValueList.From(Attributes),
        };
    }
}
