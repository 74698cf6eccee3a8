using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Serialization;
using CsCheck;

namespace CallCenter.Sip.Tests.Parsing;

/// <summary>
/// Properties over hostile input: the parser and the framer never throw, whatever the bytes; a refusal always
/// carries a reason; and whatever the parser accepts, the serializer writes in a form it accepts again unchanged.
/// </summary>
public class ParserRobustnessSpec
{
    private static readonly SipParserLimits SmallLimits = new() { MaxMessageBytes = 2048, MaxHeaderCount = 20, MaxLineLength = 256 };

    /// <summary>Feeds the bytes to every entry point and reads every typed view of an accepted message.</summary>
    private static void Exercise(byte[] bytes)
    {
        foreach (var (limits, streamFramed) in new[] { (SipParserLimits.Default, false), (SipParserLimits.Default, true), (SmallLimits, false) })
        {
            if (SipParser.TryParse(bytes, limits, streamFramed, out var message, out var error))
            {
                Assert.Null(error);
                ReadEveryView(message);
                AssertSerializationIsAFixpoint(message);
            }
            else
            {
                Assert.NotNull(error);
                Assert.False(string.IsNullOrEmpty(error.Reason));
                Assert.InRange(error.StatusCode, 400, 599);
                _ = error.CanAnswer;
                if (error.Request is { } request)
                {
                    ReadEveryView(request);
                    _ = SipSerializer.Serialize(request);
                }
            }

            SipStreamFramer.TryFrame(bytes, limits, out var length, out _);
            Assert.InRange(length, 0, bytes.Length);
        }
    }

    private static void ReadEveryView(SipMessage message)
    {
        _ = (message.Vias, message.TopVia, message.From, message.To, message.CallId, message.CSeq, message.MaxForwards);
        _ = (message.Contacts, message.IsContactWildcard, message.Routes, message.RecordRoutes, message.ContentType);
        _ = (message.ContentLength, message.Expires, message.UserAgent, message.Allow, message.Supported, message.Require);
        _ = (message.BodyText, message.ToString(), message.GetHashCode());
        foreach (var header in message.Headers)
        {
            _ = message.Headers.Values(header.Name);
        }

        if (message is SipRequest request)
        {
            _ = (request.RequestUri.UnescapedUser, request.RequestUri.Transport, request.RequestUri.ToString());
            _ = SipResponse.For(request, 400, toTag: "x");
        }
    }

    /// <summary>An accepted message, written out, must read back and write out to the very same bytes.</summary>
    private static void AssertSerializationIsAFixpoint(SipMessage message)
    {
        var first = SipSerializer.Serialize(message);
        Assert.True(SipParser.TryParse(first, out var again, out var error), $"{error}\n{message}");
        Assert.Equal(first, SipSerializer.Serialize(again));
    }

    [Fact]
    public void Parser_should_never_throw_on_random_bytes()
    {
        Gen.Byte.Array[0, 1500].Sample(Exercise, iter: 2000);
    }

    [Fact]
    public void Parser_should_never_throw_on_random_fragments_of_sip_syntax()
    {
        SipGenerators.SipSoup.Sample(Exercise, iter: 3000);
    }

    [Fact]
    public void Parser_should_never_throw_on_random_damage_to_valid_messages()
    {
        SipGenerators.Mutated(SipGenerators.Message.Select(SipSerializer.Serialize)).Sample(Exercise, iter: 3000);
    }

    [Fact]
    public void Parser_should_never_throw_on_random_damage_to_the_torture_messages()
    {
        var corpus = new[] { SipText.Invite, SipText.Options, SipText.Ringing }.Select(SipText.Wire).ToArray();

        SipGenerators.Mutated(Gen.OneOf(corpus)).Sample(Exercise, iter: 3000);
    }

    [Fact]
    public void Parser_should_never_throw_on_truncations_of_a_valid_message()
    {
        var bytes = SipText.Wire(SipText.Invite);
        for (var length = 0; length <= bytes.Length; length++)
        {
            Exercise(bytes[..length]);
        }

        Assert.True(SipParser.TryParse(bytes, out _, out _));
    }
}
