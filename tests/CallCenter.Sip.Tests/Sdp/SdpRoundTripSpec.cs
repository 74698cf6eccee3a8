using System.Text;
using CallCenter.Sip.Sdp;
using CsCheck;

namespace CallCenter.Sip.Tests.Sdp;

public class SdpRoundTripSpec
{
    private static SessionDescription Reparse(string text)
    {
        Assert.True(SdpParser.TryParse(text, out var parsed, out var error), error?.ToString() + "\n" + text);
        return parsed;
    }

    [Fact]
    public void Serializer_output_should_parse_back_to_an_equal_description() =>
        SdpGenerators.Session.Sample(session => Assert.Equal(session, Reparse(SdpSerializer.Serialize(session))));

    [Fact]
    public void Serializer_utf8_output_should_parse_back_to_an_equal_description() =>
        SdpGenerators.Session.Sample(session =>
        {
            Assert.True(SdpParser.TryParse(session.ToUtf8Bytes(), out var parsed, out var error), error?.ToString());
            Assert.Equal(session, parsed);
        });

    [Fact]
    public void Parser_should_read_lf_endings_and_trailing_blanks_as_the_canonical_text() =>
        SdpGenerators.Session.Sample(session =>
        {
            var sloppy = SdpSerializer.Serialize(session).Replace("\r\n", " \t\n", StringComparison.Ordinal);
            Assert.Equal(session, Reparse(sloppy));
        });

    [Fact]
    public void Serializer_should_be_canonical_so_reserializing_changes_nothing() =>
        SdpGenerators.Session.Sample(session =>
        {
            var text = SdpSerializer.Serialize(session);
            Assert.Equal(text, SdpSerializer.Serialize(Reparse(text)));
        });

    [Fact]
    public void Serializer_should_write_crlf_lines_in_rfc_4566_order()
    {
        var session = SdpParserSpec.Parse(SdpSamples.Rfc4566Example);

        var text = SdpSerializer.Serialize(session);

        Assert.Equal(SdpSamples.Rfc4566Example, text);
        var types = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l[0]);
        Assert.Equal("vosiuepcbtrzkamimbka", string.Concat(types));
    }

    [Fact]
    public void Serializer_should_put_out_of_order_input_into_rfc_order()
    {
        var session = SdpParserSpec.Parse(
            "v=0\nt=0 0\na=sendrecv\ns=x\nc=IN IP4 10.0.0.1\no=- 1 1 IN IP4 10.0.0.1\nm=audio 4000 RTP/AVP 0\na=ptime:20\nc=IN IP4 10.0.0.2\n");

        Assert.Equal(
            "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=x\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\na=sendrecv\r\n" +
            "m=audio 4000 RTP/AVP 0\r\nc=IN IP4 10.0.0.2\r\na=ptime:20\r\n",
            session.ToString());
    }

    [Theory]
    [InlineData(nameof(SdpSamples.SippUac))]
    [InlineData(nameof(SdpSamples.BaresipOffer))]
    [InlineData(nameof(SdpSamples.Ipv6Offer))]
    [InlineData(nameof(SdpSamples.MixedConnections))]
    public void Serializer_should_reproduce_canonical_real_world_text_exactly(string sample)
    {
        var text = (string)typeof(SdpSamples).GetField(sample)!.GetValue(null)!;

        Assert.Equal(text, SdpSerializer.Serialize(SdpParserSpec.Parse(text)));
    }

    [Fact]
    public void Descriptions_should_differ_when_any_nested_list_differs()
    {
        var session = SdpParserSpec.Parse(SdpSamples.BaresipOffer);
        var audio = session.Media[0];
        var changed = session with { Media = [audio with { Attributes = audio.Attributes.Add(new SdpAttribute("x")) }] };

        Assert.NotEqual(session, changed);
        Assert.Equal(session, SdpParserSpec.Parse(SdpSamples.BaresipOffer));
        Assert.Equal(session.GetHashCode(), SdpParserSpec.Parse(SdpSamples.BaresipOffer).GetHashCode());
    }

    [Fact]
    public void Bytes_and_text_parsing_should_agree_on_non_ascii_text()
    {
        const string text = "v=0\r\no=- 1 1 IN IP4 h\r\ns=Café 中文\r\nt=0 0\r\n";

        Assert.True(SdpParser.TryParse(Encoding.UTF8.GetBytes(text), out var fromBytes, out _));
        Assert.Equal("Café 中文", fromBytes.SessionName);
    }
}
