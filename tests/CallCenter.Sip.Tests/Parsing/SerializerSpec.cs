using System.Buffers;
using System.Text;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Serialization;
using CsCheck;
using static CallCenter.Sip.Tests.SipText;

namespace CallCenter.Sip.Tests.Parsing;

/// <summary>The wire form the serializer writes: canonical Content-Length, no header injection, both entry points alike.</summary>
public class SerializerSpec
{
    private static string Text(SipMessage message) => Encoding.UTF8.GetString(SipSerializer.Serialize(message));

    [Fact]
    public void Serializer_should_write_the_same_bytes_through_a_buffer_writer()
    {
        SipGenerators.Message.Sample(message =>
        {
            var writer = new ArrayBufferWriter<byte>(16);
            SipSerializer.Write(message, writer);

            Assert.Equal(SipSerializer.Serialize(message), writer.WrittenSpan.ToArray());
        }, iter: 300);
    }

    [Fact]
    public void Serializer_should_replace_the_first_content_length_in_place_and_drop_the_others()
    {
        var request = ParseRequest(Options).WithHeaders(h => h.Add("X-After", "1").Add(SipHeaderNames.ContentLength, "0"));
        var withBody = request.WithBody("text/plain", "hello"u8.ToArray());

        var text = Text(withBody);

        Assert.Contains("CSeq: 7 OPTIONS\r\nContent-Length: 5\r\nX-After: 1\r\nContent-Type: text/plain\r\n\r\nhello", text);
        Assert.Equal(2, text.Split("Content-Length:").Length);
    }

    [Fact]
    public void Serializer_should_append_a_content_length_when_the_message_has_none()
    {
        var request = ParseRequest(Options).WithHeaders(h => h.Remove(SipHeaderNames.ContentLength));

        Assert.EndsWith("CSeq: 7 OPTIONS\r\nContent-Length: 0\r\n\r\n", Text(request));
    }

    [Fact]
    public void Serializer_should_turn_line_breaks_in_values_into_spaces_so_no_header_can_be_injected()
    {
        var request = ParseRequest(Options).WithHeaders(h => h.Add(SipHeaderNames.Subject, "hi\r\nVia: SIP/2.0/UDP evil.example"));

        var reparsed = Assert.IsType<SipRequest>(ParseBytes(SipSerializer.Serialize(request)));

        Assert.Single(reparsed.Vias);
        Assert.Equal("hi  Via: SIP/2.0/UDP evil.example", reparsed.Headers.First(SipHeaderNames.Subject));
    }

    [Fact]
    public void Serializer_should_write_a_response_status_line_with_an_empty_reason()
    {
        var response = new SipResponse(183, "", ParseResponse(Ringing).Headers);

        Assert.StartsWith("SIP/2.0 183 \r\n", Text(response));
    }

    [Fact]
    public void Serializer_should_write_non_ascii_text_as_utf8()
    {
        var response = new SipResponse(486, "Besetzt – später", ParseResponse(Ringing).Headers);

        Assert.Equal("Besetzt – später", ParseResponse(Text(response)).ReasonPhrase);
    }
}
