using System.Collections.Immutable;
using System.Globalization;

namespace CallCenter.Sip.Sdp;

/// <summary>
/// RFC 3264 offer/answer for one audio stream per call leg, the shape of a call-center B2BUA leg.
/// Pure functions: no clock, no sockets.
/// </summary>
public static class SdpNegotiator
{
    /// <summary>Our offer (to an agent's phone): our codecs, telephone-event, ptime and direction.</summary>
    public static SessionDescription CreateOffer(LocalAudioOptions local, SdpOrigin origin)
    {
        var formats = ImmutableArray.CreateBuilder<string>();
        var attributes = ImmutableArray.CreateBuilder<SdpAttribute>();
        foreach (var codec in local.Codecs)
        {
            AddFormat(formats, attributes, codec, codec.PayloadType);
        }

        if (local.TelephoneEvent is { } events)
        {
            AddFormat(formats, attributes, events, events.PayloadType);
        }

        return new SessionDescription
        {
            Origin = origin,
            SessionName = local.SessionName,
            Connection = SdpConnection.For(local.Address),
            Media =
            [
                new MediaDescription
                {
                    Media = MediaDescription.Audio,
                    Port = local.RtpPort,
                    Protocol = local.Protocols.IsEmpty ? MediaDescription.RtpAvp : local.Protocols[0],
                    Formats = formats.ToImmutable(),
                    Attributes = FinishAttributes(attributes, local.Ptime, local.Direction),
                },
            ],
        };
    }

    /// <summary>
    /// Answers a remote offer: one m= line per offered line, in order; the first usable audio stream is
    /// accepted with the offer's payload numbers, every other line is refused with port 0.
    /// </summary>
    public static AnswerResult CreateAnswer(SessionDescription offer, LocalAudioOptions local, SdpOrigin origin)
    {
        var answered = ImmutableArray.CreateBuilder<MediaDescription>(offer.Media.Count);
        var refusals = new List<(int Index, NegotiationFailureReason Reason, string Why)>();
        NegotiatedAudio? accepted = null;
        for (var index = 0; index < offer.Media.Count; index++)
        {
            var media = offer.Media[index];
            if (accepted is not null || !media.IsAudio || media.IsRefused)
            {
                answered.Add(Refuse(media));
                continue;
            }

            if (TryAccept(offer, media, index, local, out var audio, out var answer, out var reason, out var why))
            {
                accepted = audio;
                answered.Add(answer);
            }
            else
            {
                refusals.Add((index, reason, why));
                answered.Add(Refuse(media));
            }
        }

        if (accepted is null)
        {
            return new AnswerResult.Rejected(Explain(refusals));
        }

        var session = new SessionDescription
        {
            Origin = origin,
            SessionName = local.SessionName,
            Connection = SdpConnection.For(local.Address),
            // RFC 3264 §6: the answer's t= must equal the offer's.
            Timings = offer.Timings.IsEmpty ? [SdpTiming.Unbounded] : offer.Timings,
            Media = answered.MoveToImmutable(),
        };
        return new AnswerResult.Accepted(session, accepted);
    }

    /// <summary>Reads the peer's answer to <paramref name="offer"/>, which we sent (built by <see cref="CreateOffer"/>).</summary>
    public static NegotiationResult ReadAnswer(SessionDescription offer, SessionDescription answer)
    {
        if (answer.Media.Count != offer.Media.Count)
        {
            return Failed(
                NegotiationFailureReason.StreamMismatch,
                $"answer has {answer.Media.Count} m= lines, offer had {offer.Media.Count}");
        }

        var index = FindOfferedAudio(offer);
        if (index < 0)
        {
            return Failed(NegotiationFailureReason.NoAudioStream, "our offer has no active audio stream");
        }

        var ours = offer.Media[index];
        var theirs = answer.Media[index];
        if (!theirs.IsAudio)
        {
            return Failed(NegotiationFailureReason.StreamMismatch, $"m= line {index} answered as {theirs.Media}");
        }

        if (theirs.IsRefused)
        {
            return Failed(NegotiationFailureReason.StreamRefused, $"audio stream {index} refused with port 0");
        }

        if (answer.ConnectionOf(theirs) is not { } connection || connection.IsMulticast)
        {
            return Failed(NegotiationFailureReason.UnsupportedConnection, $"no unicast c= for audio stream {index}");
        }

        var offered = ResolveFormats(ours, fallback: null);
        var codec = FindVoiceInAnswer(theirs, ours, offered);
        if (codec is null)
        {
            return Failed(
                NegotiationFailureReason.NoCommonCodec,
                $"answer formats [{string.Join(' ', theirs.Formats)}] match none we offered");
        }

        var events = FindEventsInAnswer(theirs, ours, offered, codec.ClockRate);
        var remote = EffectiveDirection(answer.DirectionOf(theirs), connection);
        var localDirection = offer.DirectionOf(ours).Intersect(remote.Reverse());
        return new NegotiationResult.Agreed(Describe(index, theirs, connection, codec, events, remote, localDirection));
    }

    private static bool TryAccept(
        SessionDescription offer,
        MediaDescription media,
        int index,
        LocalAudioOptions local,
        out NegotiatedAudio audio,
        out MediaDescription answer,
        out NegotiationFailureReason reason,
        out string why)
    {
        audio = null!;
        answer = null!;
        if (!local.Accepts(media.Protocol))
        {
            (reason, why) = (NegotiationFailureReason.UnsupportedProtocol, $"protocol {media.Protocol}");
            return false;
        }

        if (offer.ConnectionOf(media) is not { } connection || connection.IsMulticast)
        {
            (reason, why) = (NegotiationFailureReason.UnsupportedConnection, "no unicast c=");
            return false;
        }

        var offered = ResolveFormats(media, fallback: null);
        if (ChooseVoice(offered, local) is not { } voice)
        {
            (reason, why) = (NegotiationFailureReason.NoCommonCodec, $"no common codec in [{string.Join(' ', media.Formats)}]");
            return false;
        }

        var events = local.TelephoneEvent is null ? null : FindEvents(offered, voice.ClockRate);
        var remote = EffectiveDirection(offer.DirectionOf(media), connection);
        var ours = local.Direction.Intersect(remote.Reverse());

        var formats = ImmutableArray.CreateBuilder<string>();
        var attributes = ImmutableArray.CreateBuilder<SdpAttribute>();
        // One voice codec only: every listed format may be sent at any time (RFC 3264 §5.1), and the relay is
        // configured with exactly one per leg.
        AddFormat(formats, attributes, voice);
        if (events is not null && local.TelephoneEvent is { } ourEvents)
        {
            AddFormat(formats, attributes, events);
            if (ourEvents.FormatParameters is { } parameters)
            {
                attributes.Add(new SdpFmtp(Format(events.PayloadType), parameters).ToAttribute());
            }
        }

        answer = new MediaDescription
        {
            Media = media.Media,
            Port = local.RtpPort,
            Protocol = media.Protocol,
            Formats = formats.ToImmutable(),
            Attributes = FinishAttributes(attributes, local.Ptime, ours),
        };
        audio = Describe(index, media, connection, voice, events?.PayloadType, remote, ours);
        (reason, why) = (default, string.Empty);
        return true;
    }

    /// <summary>Port 0 and the offered formats (RFC 4566 requires at least one), nothing else.</summary>
    private static MediaDescription Refuse(MediaDescription offered) => new()
    {
        Media = offered.Media,
        Port = 0,
        Protocol = offered.Protocol,
        Formats = offered.Formats,
    };

    private static SdpRtpMap? ChooseVoice(List<SdpRtpMap> offered, LocalAudioOptions local)
    {
        if (local.Preference == CodecPreference.Offerer)
        {
            return offered.FirstOrDefault(map => local.Codecs.Any(codec => codec.Matches(map)));
        }

        foreach (var codec in local.Codecs)
        {
            foreach (var map in offered)
            {
                if (codec.Matches(map))
                {
                    return map;
                }
            }
        }

        return null;
    }

    /// <summary>RFC 4733 §7.1.1: events share the clock rate of the voice codec they accompany.</summary>
    private static SdpRtpMap? FindEvents(List<SdpRtpMap> formats, int clockRate) =>
        formats.FirstOrDefault(map => IsTelephoneEvent(map) && map.ClockRate == clockRate);

    private static SdpRtpMap? FindVoiceInAnswer(MediaDescription answer, MediaDescription offer, List<SdpRtpMap> offered)
    {
        foreach (var map in ResolveFormats(answer, fallback: offer))
        {
            if (!IsTelephoneEvent(map) && offered.Any(o => o.IsSameCodec(map.EncodingName, map.ClockRate, map.ChannelCount)))
            {
                return map;
            }
        }

        return null;
    }

    private static int? FindEventsInAnswer(MediaDescription answer, MediaDescription offer, List<SdpRtpMap> offered, int clockRate)
    {
        if (FindEvents(offered, clockRate) is null)
        {
            return null;
        }

        return FindEvents(ResolveFormats(answer, fallback: offer), clockRate)?.PayloadType;
    }

    /// <summary>
    /// The meaning of each RTP format, in order; formats with no known meaning are skipped. An answer may omit
    /// the rtpmap of a dynamic type it copied from the offer, so the offer serves as a fallback.
    /// </summary>
    private static List<SdpRtpMap> ResolveFormats(MediaDescription media, MediaDescription? fallback)
    {
        var resolved = new List<SdpRtpMap>(media.Formats.Count);
        foreach (var format in media.Formats)
        {
            if (media.TryResolveRtpFormat(format, out var map))
            {
                resolved.Add(map);
            }
            else if (fallback is not null
                     && SdpNumbers.TryParsePayloadType(format, out var payloadType)
                     && fallback.Attributes.RtpMap(payloadType) is { } offeredMap)
            {
                resolved.Add(offeredMap);
            }
        }

        return resolved;
    }

    private static bool IsTelephoneEvent(SdpRtpMap map) =>
        string.Equals(map.EncodingName, AudioCodec.TelephoneEventName, StringComparison.OrdinalIgnoreCase);

    /// <summary>RFC 3264 §8.4: c=0.0.0.0 means nothing may be sent to the peer, whatever its direction says.</summary>
    private static SdpDirection EffectiveDirection(SdpDirection declared, SdpConnection connection) =>
        connection.IsUnspecified ? SdpDirectionExtensions.FromFlags(declared.CanSend(), receive: false) : declared;

    private static int FindOfferedAudio(SessionDescription offer)
    {
        for (var i = 0; i < offer.Media.Count; i++)
        {
            if (offer.Media[i].IsAudio && !offer.Media[i].IsRefused)
            {
                return i;
            }
        }

        return -1;
    }

    private static NegotiatedAudio Describe(
        int index,
        MediaDescription remoteMedia,
        SdpConnection connection,
        SdpRtpMap codec,
        int? eventsPayload,
        SdpDirection remote,
        SdpDirection local)
    {
        var rtp = new RtpEndpoint(connection.Host, remoteMedia.Port);
        RtpEndpoint? rtcp = remoteMedia.Rtcp is { } explicitRtcp
            ? new RtpEndpoint(explicitRtcp.Connection?.Host ?? connection.Host, explicitRtcp.Port)
            : remoteMedia.Port < 65535 ? new RtpEndpoint(connection.Host, remoteMedia.Port + 1) : null;
        return new NegotiatedAudio(index, codec, eventsPayload, rtp, rtcp, remote, local, remoteMedia.Ptime);
    }

    private static void AddFormat(
        ImmutableArray<string>.Builder formats,
        ImmutableArray<SdpAttribute>.Builder attributes,
        AudioCodec codec,
        int payloadType)
    {
        formats.Add(Format(payloadType));
        attributes.Add(codec.ToRtpMap(payloadType).ToAttribute());
        if (codec.FormatParameters is { } parameters)
        {
            attributes.Add(new SdpFmtp(Format(payloadType), parameters).ToAttribute());
        }
    }

    private static void AddFormat(ImmutableArray<string>.Builder formats, ImmutableArray<SdpAttribute>.Builder attributes, SdpRtpMap map)
    {
        formats.Add(Format(map.PayloadType));
        attributes.Add(map.ToAttribute());
    }

    private static ValueList<SdpAttribute> FinishAttributes(ImmutableArray<SdpAttribute>.Builder attributes, int ptime, SdpDirection direction)
    {
        attributes.Add(new SdpAttribute(SdpAttributeNames.Ptime, Format(ptime)));
        // Always explicit: a session-level direction in a later offer must not change what this line means.
        attributes.Add(direction.ToAttribute());
        return attributes.ToImmutable();
    }

    private static string Format(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static NegotiationResult Failed(NegotiationFailureReason reason, string detail) =>
        new NegotiationResult.Failed(new NegotiationFailure(reason, detail));

    /// <summary>
    /// The reason of the first audio line tried (the one the offerer cared most about), with every line's
    /// reason in the detail for the log.
    /// </summary>
    private static NegotiationFailure Explain(List<(int Index, NegotiationFailureReason Reason, string Why)> refusals)
    {
        if (refusals.Count == 0)
        {
            return new NegotiationFailure(NegotiationFailureReason.NoAudioStream, "the offer has no active audio stream");
        }

        var detail = string.Join("; ", refusals.Select(r => $"m= line {r.Index}: {r.Why}"));
        return new NegotiationFailure(refusals[0].Reason, detail);
    }
}
