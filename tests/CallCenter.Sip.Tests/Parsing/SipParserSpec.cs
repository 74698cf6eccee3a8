using System.Text;
using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Serialization;
using static CallCenter.Sip.Tests.SipText;

namespace CallCenter.Sip.Tests.Parsing;

public class SipParserSpec
{
    [Fact]
    public void Parser_should_read_every_typed_header_of_a_typical_invite()
    {
        var request = ParseRequest(Invite);

        Assert.Equal(SipMethods.Invite, request.Method);
        Assert.Equal("support", request.RequestUri.User);
        Assert.Equal("cc.example", request.RequestUri.Host);
        var via = Assert.Single(request.Vias);
        Assert.Equal("UDP", via.Transport);
        Assert.Equal("10.0.0.5", via.Host);
        Assert.Equal(5060, via.Port);
        Assert.Equal("z9hG4bK776asdhds", via.Branch);
        Assert.True(via.HasRPort);
        Assert.Null(via.RPort);
        Assert.Equal(70, request.MaxForwards);
        Assert.Equal("Alice Caller", request.From!.DisplayName);
        Assert.Equal("1928301774", request.From.Tag);
        Assert.Null(request.To!.Tag);
        Assert.Equal("a84b4c76e66710@pc33.example.com", request.CallId);
        Assert.Equal(new CSeq(314159, "INVITE"), request.CSeq);
        Assert.Equal("sip:alice@10.0.0.5:5060", Assert.Single(request.Contacts).Uri.ToString());
        Assert.Equal(["INVITE", "ACK", "CANCEL", "BYE", "OPTIONS"], request.Allow);
        Assert.Equal("application/sdp", request.ContentType);
        Assert.Equal(149, request.Body.Length);
        Assert.StartsWith("v=0\r\n", request.BodyText);
    }

    [Fact]
    public void Serializer_should_write_what_the_parser_reads_back_equal()
    {
        var request = ParseRequest(Invite);

        var again = SipParser.TryParse(SipSerializer.Serialize(request), out var reparsed, out var error);

        Assert.True(again, error?.ToString());
        Assert.Equal(request, reparsed);
    }

    [Fact]
    public void Response_factory_should_copy_the_dialog_headers_and_add_a_to_tag()
    {
        var request = ParseRequest(Invite);

        var response = SipResponse.For(request, 180, toTag: "abc");

        Assert.Equal("Ringing", response.ReasonPhrase);
        Assert.Equal(request.TopVia, response.TopVia);
        Assert.Equal("abc", response.To!.Tag);
        Assert.Equal(request.From, response.From);
        Assert.Equal(request.CSeq, response.CSeq);
        Assert.Equal(request.CallId, response.CallId);
    }

    [Fact]
    public void Parser_should_report_keep_alive_for_bare_crlf()
    {
        Assert.Equal(SipParseErrorCode.KeepAlive, ParseErrorBytes("\r\n\r\n"u8.ToArray()).Code);
    }

    [Fact]
    public void Parser_should_refuse_a_body_shorter_than_content_length_with_an_answerable_400()
    {
        var error = ParseError(Invite.Replace("Content-Length: 149", "Content-Length: 500"));

        Assert.Equal(SipParseErrorCode.BodyTruncated, error.Code);
        Assert.Equal(400, error.StatusCode);
        Assert.True(error.CanAnswer);
    }

    [Fact]
    public void Parser_should_answer_505_to_an_unknown_version()
    {
        var error = ParseError(Invite.Replace("INVITE sip:support@cc.example SIP/2.0", "INVITE sip:support@cc.example SIP/7.0"));

        Assert.Equal(505, error.StatusCode);
        Assert.True(error.CanAnswer);
    }

    [Fact]
    public void Parser_should_never_throw_on_truncations_of_a_valid_message()
    {
        var bytes = Wire(Invite);
        for (var length = 0; length < bytes.Length; length++)
        {
            SipParser.TryParse(bytes.AsSpan(0, length), out _, out _);
        }

        Assert.Contains("INVITE", Encoding.ASCII.GetString(bytes));
    }
}
