using CallCenter.Sip.Messages;
using CallCenter.Sip.Parsing;
using static CallCenter.Sip.Tests.SipText;

namespace CallCenter.Sip.Tests.Parsing;

/// <summary>Cutting messages out of a TCP byte stream by the empty line and Content-Length (RFC 3261 §18.3, RFC 5626 keep-alives).</summary>
public class StreamFramerSpec
{
    private static readonly byte[] InviteBytes = Wire(Invite);

    private static FrameStatus Frame(ReadOnlySpan<byte> buffer, out int length, out SipParseError? error) =>
        SipStreamFramer.TryFrame(buffer, SipParserLimits.Default, out length, out error);

    /// <summary>Feeds the stream in chunks as a connection would and returns the frames in the order they were cut.</summary>
    private static List<(FrameStatus Status, byte[] Bytes)> FrameStream(byte[] stream, int chunkSize)
    {
        var frames = new List<(FrameStatus, byte[])>();
        var pending = new List<byte>();
        for (var offset = 0; offset < stream.Length; offset += chunkSize)
        {
            pending.AddRange(stream.AsSpan(offset, Math.Min(chunkSize, stream.Length - offset)).ToArray());
            while (true)
            {
                var buffer = pending.ToArray();
                var status = Frame(buffer, out var length, out var error);
                Assert.True(status != FrameStatus.Invalid, error?.ToString());
                if (status == FrameStatus.NeedMoreData)
                {
                    break;
                }

                frames.Add((status, buffer[..length]));
                pending.RemoveRange(0, length);
            }
        }

        Assert.Empty(pending);
        return frames;
    }

    [Fact]
    public void Framer_should_cut_exactly_one_message_with_its_body()
    {
        var status = Frame(InviteBytes, out var length, out _);

        Assert.Equal(FrameStatus.Message, status);
        Assert.Equal(InviteBytes.Length, length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(512)]
    public void Framer_should_wait_for_a_message_split_across_reads(int chunkSize)
    {
        var frames = FrameStream(InviteBytes, chunkSize);

        var frame = Assert.Single(frames);
        Assert.Equal(FrameStatus.Message, frame.Status);
        Assert.Equal(InviteBytes, frame.Bytes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(200)]
    [InlineData(400)]
    public void Framer_should_need_more_data_for_every_prefix_of_a_message(int missingFromEnd)
    {
        var prefix = InviteBytes.AsSpan(0, InviteBytes.Length - 1 - Math.Min(missingFromEnd, InviteBytes.Length - 1));

        Assert.Equal(FrameStatus.NeedMoreData, Frame(prefix, out _, out _));
    }

    [Fact]
    public void Framer_should_cut_two_messages_arriving_in_one_buffer()
    {
        var options = Wire(Options);
        var stream = InviteBytes.Concat(options).ToArray();

        Assert.Equal(FrameStatus.Message, Frame(stream, out var first, out _));
        Assert.Equal(FrameStatus.Message, Frame(stream.AsSpan(first), out var second, out _));

        Assert.Equal(InviteBytes.Length, first);
        Assert.Equal(options.Length, second);
        Assert.IsType<SipRequest>(ParseBytes(stream[first..]));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r\n\r\n")]
    [InlineData("\n")]
    public void Framer_should_report_keep_alives_between_messages(string keepAlive)
    {
        var ping = System.Text.Encoding.ASCII.GetBytes(keepAlive);
        var stream = ping.Concat(InviteBytes).Concat(ping).Concat(Wire(Options)).Concat(ping).ToArray();

        var frames = FrameStream(stream, 64);

        Assert.Equal(
            [FrameStatus.KeepAlive, FrameStatus.Message, FrameStatus.KeepAlive, FrameStatus.Message, FrameStatus.KeepAlive],
            frames.Select(f => f.Status));
        Assert.All(frames.Where(f => f.Status == FrameStatus.KeepAlive), f => Assert.Equal(ping, f.Bytes));
        Assert.Equal("opt-1@192.0.2.4", ParseBytes(frames[3].Bytes).CallId);
    }

    [Fact]
    public void Framer_should_frame_a_message_without_content_length_as_headers_only_so_the_parser_can_answer_400()
    {
        var bytes = Wire(Options.Replace("Content-Length: 0\n", ""));

        Assert.Equal(FrameStatus.Message, Frame(bytes, out var length, out _));
        Assert.Equal(bytes.Length, length);
        Assert.False(SipParser.TryParse(bytes.AsSpan(0, length), SipParserLimits.Default, streamFramed: true, out _, out var error));
        Assert.Equal(SipParseErrorCode.MissingHeader, error.Code);
        Assert.Equal(400, error.StatusCode);
        Assert.True(error.CanAnswer);
    }

    [Theory]
    [InlineData("l: 149")]
    [InlineData("content-length   :   149")]
    [InlineData("CONTENT-LENGTH:149")]
    public void Framer_should_read_content_length_in_compact_and_odd_forms(string line)
    {
        var bytes = Wire(Invite.Replace("Content-Length: 149", line));

        Assert.Equal(FrameStatus.Message, Frame(bytes, out var length, out _));
        Assert.Equal(bytes.Length, length);
    }

    [Fact]
    public void Framer_should_accept_headers_ended_by_bare_line_feeds()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(Options.ReplaceLineEndings("\n") + "extra");

        Assert.Equal(FrameStatus.Message, Frame(bytes, out var length, out _));
        Assert.Equal(bytes.Length - "extra".Length, length);
    }

    [Theory]
    [InlineData("Content-Length: -5")]
    [InlineData("Content-Length: 99999999999999")]
    [InlineData("Content-Length: ten")]
    [InlineData("Content-Length: 149\nContent-Length: 130")]
    public void Framer_should_give_up_on_a_stream_whose_content_length_cannot_be_trusted(string line)
    {
        var bytes = Wire(Invite.Replace("Content-Length: 149", line));

        Assert.Equal(FrameStatus.Invalid, Frame(bytes, out _, out var error));
        Assert.Equal(SipParseErrorCode.BadContentLength, error!.Code);
    }

    [Fact]
    public void Framer_should_give_up_when_the_declared_body_exceeds_the_message_limit()
    {
        var limits = new SipParserLimits { MaxMessageBytes = 1000 };
        var bytes = Wire(Invite.Replace("Content-Length: 149", "Content-Length: 5000"));

        Assert.Equal(FrameStatus.Invalid, SipStreamFramer.TryFrame(bytes, limits, out _, out var error));
        Assert.Equal(SipParseErrorCode.TooLarge, error!.Code);
    }

    [Fact]
    public void Framer_should_give_up_when_the_header_section_never_ends()
    {
        var limits = new SipParserLimits { MaxMessageBytes = 1000 };
        var endless = Wire("INVITE sip:a@example.test SIP/2.0\n" + string.Concat(Enumerable.Repeat("X-Filler: abcdefghij\n", 60)));

        Assert.Equal(FrameStatus.Invalid, SipStreamFramer.TryFrame(endless, limits, out _, out var error));
        Assert.Equal(SipParseErrorCode.TooLarge, error!.Code);
    }

    [Fact]
    public void Framer_should_ignore_a_content_length_look_alike_inside_a_folded_line()
    {
        var bytes = Wire(Invite.Replace("User-Agent: Test UA 1.0", "User-Agent: Test UA 1.0\n l: 5"));

        Assert.Equal(FrameStatus.Message, Frame(bytes, out var length, out _));
        Assert.Equal(bytes.Length, length);
    }
}
