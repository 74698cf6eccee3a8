using System.Text;
using CallCenter.Sip.Sdp;
using CsCheck;

namespace CallCenter.Sip.Tests.Sdp;

/// <summary>Hostile and random input: the parser answers true or false, never with an exception.</summary>
public class SdpParserRobustnessSpec
{
    // Fragments that steer random text into the parser's deeper branches instead of failing on line one.
    private static readonly string[] Fragments =
    [
        "v=0", "v=", "o=- 1 1 IN IP4 1.2.3.4", "o=", "s=-", "s=", "c=IN IP4 0.0.0.0", "c=IN IP6 ::1", "c=", "t=0 0", "t=",
        "r=1", "z=1", "k=x", "b=AS:64", "b=", "m=audio 4000 RTP/AVP 0 8 101", "m=video 0 RTP/AVP", "m=", "a=rtpmap:",
        "a=rtpmap:101 telephone-event/8000", "a=fmtp:", "a=ptime:", "a=rtcp:", "a=sendonly", "i=", "u=", "e=", "p=",
        "\r\n", "\n", "\r", " ", "\t", "\0", ":", "/", "=", "\uFEFF", "\uFFFD", "99999999999999999999999", "-1", "65536",
    ];

    private static readonly Gen<string> SdpLikeText =
        Gen.OneOf(Gen.OneOf(Fragments.Select(Gen.Const).ToArray()), Gen.String[0, 6]).List[0, 40].Select(parts => string.Concat(parts));

    private static void ParseQuietly(string text)
    {
        if (SdpParser.TryParse(text, out var session, out var error))
        {
            // Whatever was accepted must be usable: serializable and stable.
            Assert.True(SdpParser.TryParse(SdpSerializer.Serialize(session), out var again, out _));
            Assert.Equal(session, again);
        }
        else
        {
            Assert.NotNull(error);
        }
    }

    [Fact]
    public void Parser_should_never_throw_on_random_strings() =>
        Gen.String.Sample(ParseQuietly, iter: 5_000);

    [Fact]
    public void Parser_should_never_throw_on_sdp_like_random_text() =>
        SdpLikeText.Sample(ParseQuietly, iter: 20_000);

    [Fact]
    public void Parser_should_never_throw_on_random_bytes() =>
        Gen.Byte.Array[0, 400].Sample(bytes => { _ = SdpParser.TryParse(bytes, out _, out _); }, iter: 5_000);

    [Fact]
    public void Parser_should_never_throw_on_mutated_valid_descriptions()
    {
        var mutated =
            from session in SdpGenerators.Session
            from position in Gen.Double[0, 1]
            from kind in Gen.Int[0, 3]
            from insert in Gen.OneOf(Gen.OneOf(Fragments.Select(Gen.Const).ToArray()), Gen.String[0, 4])
            select Mutate(SdpSerializer.Serialize(session), position, kind, insert);

        mutated.Sample(ParseQuietly, iter: 5_000);
    }

    [Fact]
    public void Typed_attribute_readers_should_never_throw_on_random_values() =>
        SdpLikeText.Sample(value =>
        {
            _ = SdpRtpMap.TryParse(value, out _);
            _ = SdpFmtp.TryParse(value, out _);
            _ = SdpRtcp.TryParse(value, out _);
            ValueList<SdpAttribute> attributes = [new("ptime", value), new("maxptime", value), new("rtcp", value), new("rtpmap", value)];
            _ = attributes.PositiveInteger("ptime");
            _ = attributes.Rtcp();
            _ = attributes.RtpMaps().ToList();
        });

    [Fact]
    public void Parser_should_reject_a_huge_body_before_decoding_it()
    {
        var huge = Encoding.UTF8.GetBytes("v=0\r\n" + new string('a', 1_000_000));

        Assert.False(SdpParser.TryParse(huge, out _, out var error));
        Assert.Equal(SdpErrorKind.TooLarge, error.Kind);
    }

    private static string Mutate(string text, double position, int kind, string insert)
    {
        var at = (int)(position * text.Length);
        return kind switch
        {
            0 => text[..at],
            1 => text[..at] + insert + text[at..],
            2 => text.Length == 0 ? text : text.Remove(Math.Min(at, text.Length - 1), 1),
            _ => text[at..] + text[..at],
        };
    }
}
