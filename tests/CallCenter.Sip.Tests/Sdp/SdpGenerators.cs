using CallCenter.Sip.Sdp;
using CsCheck;

namespace CallCenter.Sip.Tests.Sdp;

/// <summary>CsCheck generators of valid session descriptions: every value is one the parser can read back.</summary>
internal static class SdpGenerators
{
    private const string TokenChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`{|}~";

    // Visible characters, including separators and non-ASCII, which text fields must carry unchanged.
    private const string VisibleChars = TokenChars + "\"(),/:;<=>?@[\\]éßλ中";

    public static readonly Gen<string> Token = Gen.String[Gen.Char[TokenChars], 1, 10];

    public static readonly Gen<string> NonWhitespace = Gen.String[Gen.Char[VisibleChars], 1, 16];

    /// <summary>Free text with inner blanks; never ends in a blank, which the parser trims.</summary>
    public static readonly Gen<string> NonEmptyText =
        Gen.Select(Gen.String[Gen.Char[VisibleChars + " \t"], 0, 20], Gen.Char[VisibleChars], (body, last) => body + last);

    public static readonly Gen<string> Text = Gen.OneOf(Gen.Const(string.Empty), NonEmptyText);

    public static readonly Gen<string?> OptionalText = Text.Null(0.4);

    public static readonly Gen<SdpConnection> Connection =
        Gen.Select(Token, Token, NonWhitespace, (net, type, address) => new SdpConnection(net, type, address));

    public static readonly Gen<SdpOrigin> Origin =
        Gen.Select(NonWhitespace, NonWhitespace, Gen.ULong, Token, Token, NonWhitespace, (user, id, version, net, type, address) =>
            new SdpOrigin(user, id, version, net, type, address));

    public static readonly Gen<SdpBandwidth> Bandwidth = Gen.Select(Token, Gen.ULong, (type, value) => new SdpBandwidth(type, value));

    public static readonly Gen<SdpTiming> Timing =
        Gen.Select(Gen.ULong, Gen.ULong, NonEmptyText.List[0, 2], (start, stop, repeats) => new SdpTiming(start, stop, ValueList.From(repeats)));

    public static readonly Gen<SdpAttribute> Attribute =
        Gen.Select(Token, OptionalText, (name, value) => new SdpAttribute(name, value));

    public static readonly Gen<string> Protocol = Gen.OneOf(
        Gen.Const("RTP/AVP"),
        Gen.Const("RTP/SAVP"),
        Gen.Const("UDP/TLS/RTP/SAVPF"),
        Token.List[1, 3].Select(parts => string.Join('/', parts)));

    public static readonly Gen<MediaDescription> Media =
        Gen.Select(
            Gen.OneOf(Gen.Const("audio"), Gen.Const("video"), Token),
            Gen.Int[0, 65535],
            Gen.Int[1, 4].Nullable(0.8),
            Protocol,
            Token.List[0, 6],
            OptionalText,
            Connection.List[0, 2],
            Gen.Select(Bandwidth.List[0, 2], NonEmptyText.Null(0.6), Attribute.List[0, 6]),
            (media, port, portCount, protocol, formats, information, connections, rest) => new MediaDescription
            {
                Media = media,
                Port = port,
                PortCount = portCount,
                Protocol = protocol,
                Formats = ValueList.From(formats),
                Information = information,
                Connections = ValueList.From(connections),
                Bandwidths = ValueList.From(rest.Item1),
                EncryptionKey = rest.Item2,
                Attributes = ValueList.From(rest.Item3),
            });

    /// <summary>Whole descriptions; when there is no session c=, every media section gets one, as RFC 4566 requires.</summary>
    public static readonly Gen<SessionDescription> Session =
        Gen.Select(
            Origin,
            Text,
            Gen.Select(OptionalText, OptionalText, NonEmptyText.List[0, 2], NonEmptyText.List[0, 2]),
            Connection.Null(0.3),
            Bandwidth.List[0, 2],
            Gen.Select(Timing.List[1, 3], NonEmptyText.Null(0.6), OptionalText),
            Attribute.List[0, 5],
            Gen.Select(Media.List[0, 4], Connection),
            (origin, name, texts, connection, bandwidths, timing, attributes, media) => new SessionDescription
            {
                Origin = origin,
                SessionName = name,
                Information = texts.Item1,
                Uri = texts.Item2,
                Emails = ValueList.From(texts.Item3),
                Phones = ValueList.From(texts.Item4),
                Connection = connection,
                Bandwidths = ValueList.From(bandwidths),
                Timings = ValueList.From(timing.Item1),
                TimeZones = timing.Item2,
                EncryptionKey = timing.Item3,
                Attributes = ValueList.From(attributes),
                Media = ValueList.From(media.Item1.Select(m =>
                    connection is null && m.Connections.IsEmpty ? m with { Connections = [media.Item2] } : m)),
            });

    private static readonly (string Format, string? RtpMap)[] AudioFormats =
    [
        ("0", null), ("8", null), ("18", null), ("9", null), ("0", "0 PCMU/8000"), ("8", "8 PCMA/8000"),
        ("96", "96 opus/48000/2"), ("97", "97 PCMA/8000"), ("98", "98 PCMU/16000"),
        ("101", "101 telephone-event/8000"), ("96", "96 telephone-event/8000"), ("100", "100 telephone-event/16000"),
        ("102", null),
    ];

    private static readonly Gen<MediaDescription> RealisticMedia =
        Gen.Select(
            Gen.OneOf(Gen.Const("audio"), Gen.Const("audio"), Gen.Const("video")),
            Gen.OneOf(Gen.Const(0), Gen.Int[1024, 65534]),
            Gen.OneOf(Gen.Const("RTP/AVP"), Gen.Const("RTP/AVP"), Gen.Const("RTP/SAVP")),
            Gen.Int[0, AudioFormats.Length - 1].List[1, 6],
            Gen.OneOf(Gen.Const("sendrecv"), Gen.Const("sendonly"), Gen.Const("recvonly"), Gen.Const("inactive"), Gen.Const("ptime:20")),
            Gen.OneOf(Gen.Const("10.0.0.7"), Gen.Const("0.0.0.0"), Gen.Const("2001:db8::7")).Null(0.5),
            (media, port, protocol, picks, extra, address) =>
            {
                // Each payload number may be defined once; later picks of a taken number are dropped.
                var chosen = picks.Select(i => AudioFormats[i]).DistinctBy(f => f.Format).ToList();
                var attributes = chosen.Where(f => f.RtpMap is not null).Select(f => new SdpAttribute("rtpmap", f.RtpMap)).ToList();
                attributes.Add(extra.Contains(':', StringComparison.Ordinal) ? new SdpAttribute("ptime", "20") : new SdpAttribute(extra));
                return new MediaDescription
                {
                    Media = media,
                    Port = port,
                    Protocol = protocol,
                    Formats = ValueList.From(chosen.Select(f => f.Format)),
                    Connections = address is null ? [] : [new SdpConnection("IN", address.Contains(':', StringComparison.Ordinal) ? "IP6" : "IP4", address)],
                    Attributes = ValueList.From(attributes),
                };
            });

    /// <summary>Offers as phones send them: audio and video lines over common formats, directions and hold.</summary>
    public static readonly Gen<SessionDescription> RealisticOffer =
        Gen.Select(RealisticMedia.List[1, 3], Gen.OneOf(Gen.Const("10.0.0.5"), Gen.Const("0.0.0.0")), (media, address) => new SessionDescription
        {
            Origin = new SdpOrigin("-", "1", 1, "IN", "IP4", "10.0.0.5"),
            Connection = new SdpConnection("IN", "IP4", address),
            Media = ValueList.From(media),
        });
}
