using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Serialization;
using CsCheck;

namespace CallCenter.Sip.Tests.Parsing;

/// <summary>Properties: what the serializer and the ToString methods write, the parser reads back equal.</summary>
public class RoundTripSpec
{
    [Fact]
    public void Parser_should_read_back_every_serialized_request_equal()
    {
        SipGenerators.Request.Sample(request =>
        {
            var bytes = SipSerializer.Serialize(request);

            Assert.True(SipParser.TryParse(bytes, out var parsed, out var error), $"{error}\n{request}");
            Assert.Equal(request, parsed);
        }, iter: 1000, print: r => r.ToString());
    }

    [Fact]
    public void Parser_should_read_back_every_serialized_response_equal()
    {
        SipGenerators.Response.Sample(response =>
        {
            var bytes = SipSerializer.Serialize(response);

            Assert.True(SipParser.TryParse(bytes, out var parsed, out var error), $"{error}\n{response}");
            Assert.Equal(response, parsed);
        }, iter: 1000, print: r => r.ToString());
    }

    [Fact]
    public void Parser_should_read_back_serialized_messages_over_a_stream_transport_frame_by_frame()
    {
        SipGenerators.Message.Array[1, 4].Sample(messages =>
        {
            var stream = messages.SelectMany(SipSerializer.Serialize).ToArray();
            var offset = 0;
            foreach (var message in messages)
            {
                var status = SipStreamFramer.TryFrame(stream.AsSpan(offset), SipParserLimits.Default, out var length, out var error);
                Assert.Equal(FrameStatus.Message, status);
                Assert.True(SipParser.TryParse(stream.AsSpan(offset, length), SipParserLimits.Default, streamFramed: true, out var parsed, out error), error?.ToString());
                Assert.Equal(message, parsed);
                offset += length;
            }

            Assert.Equal(stream.Length, offset);
        }, iter: 300);
    }

    [Fact]
    public void Sip_uri_should_read_back_its_own_text_equal()
    {
        SipGenerators.AnyUri.Sample(uri =>
        {
            Assert.True(SipUri.TryParse(uri.ToString(), out var parsed), uri.ToString());
            Assert.Equal(uri, parsed);
        }, iter: 2000, print: u => u.ToString());
    }

    [Fact]
    public void Name_address_should_read_back_its_own_text_equal()
    {
        SipGenerators.NameAddress.Sample(address =>
        {
            Assert.True(NameAddress.TryParse(address.ToString(), out var parsed), address.ToString());
            Assert.Equal(address, parsed);
        }, iter: 2000, print: a => a.ToString());
    }

    [Fact]
    public void Via_should_read_back_its_own_text_equal()
    {
        SipGenerators.Via.Sample(via =>
        {
            Assert.True(Via.TryParse(via.ToString(), out var parsed), via.ToString());
            Assert.Equal(via, parsed);
        }, iter: 2000, print: v => v.ToString());
    }

    [Fact]
    public void CSeq_should_read_back_its_own_text_equal()
    {
        SipGenerators.Method.SelectMany(SipGenerators.CSeqFor).Sample(cseq =>
        {
            Assert.True(CSeq.TryParse(cseq.ToString(), out var parsed), cseq.ToString());
            Assert.Equal(cseq, parsed);
        }, iter: 1000);
    }

    [Fact]
    public void Serializer_should_always_write_a_content_length_equal_to_the_body()
    {
        SipGenerators.Message.Select(Gen.Int[0, 5000]).Sample((message, claimed) =>
        {
            var lying = message is SipRequest request
                ? (SipMessage)request.WithHeaders(h => h.Set(SipHeaderNames.ContentLength, claimed.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                : ((SipResponse)message).WithHeaders(h => h.Remove(SipHeaderNames.ContentLength));

            Assert.True(SipParser.TryParse(SipSerializer.Serialize(lying), SipParserLimits.Default, streamFramed: true, out var parsed, out var error), error?.ToString());
            Assert.Equal(message.Body.Length, parsed.ContentLength);
            Assert.Equal(message.Body.ToArray(), parsed.Body.ToArray());
        }, iter: 500);
    }
}
