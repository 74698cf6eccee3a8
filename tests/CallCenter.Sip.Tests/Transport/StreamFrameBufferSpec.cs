using System.Text;
using CallCenter.Sip.Parsing;
using CallCenter.Sip.Transport;
using CsCheck;
using static CallCenter.Sip.Tests.Transport.TransportTestKit;

namespace CallCenter.Sip.Tests.Transport;

public class StreamFrameBufferSpec
{
    private static readonly string First = Request("OPTIONS", "SIP/2.0/TCP 10.0.0.5;branch=z9hG4bK1", "first");
    private static readonly string Second = Request("MESSAGE", "SIP/2.0/TCP 10.0.0.5;branch=z9hG4bK2", "second", body: "hello, world");

    [Fact]
    public void Buffer_should_cut_two_messages_out_of_one_read()
    {
        var buffer = new StreamFrameBuffer(SipParserLimits.Default);

        var frames = Feed(buffer, Bytes(First + Second));

        Assert.Equal([First, Second], frames.Where(f => f.Kind == StreamFrameKind.Message).Select(f => f.Text));
    }

    [Fact]
    public void Buffer_should_cut_the_same_frames_however_the_stream_is_split()
    {
        var stream = Bytes("\r\n\r\n" + First + "\r\n\r\n" + Second + First);

        Gen.Int[1, 97].Array[1, 40].Sample(cuts =>
        {
            var buffer = new StreamFrameBuffer(SipParserLimits.Default);
            var frames = new List<Frame>();
            var position = 0;
            foreach (var cut in cuts.Append(stream.Length))
            {
                var take = Math.Min(cut, stream.Length - position);
                frames.AddRange(Feed(buffer, stream.AsSpan(position, take).ToArray()));
                position += take;
            }

            Assert.Equal([First, Second, First], frames.Where(f => f.Kind == StreamFrameKind.Message).Select(f => f.Text));
            Assert.Equal(2, frames.Sum(f => f.Pings));
            Assert.Equal(0, buffer.Buffered);
        });
    }

    [Fact]
    public void Buffer_should_see_a_ping_split_over_two_reads_once()
    {
        var buffer = new StreamFrameBuffer(SipParserLimits.Default);

        var frames = Feed(buffer, Bytes("\r\n")).Concat(Feed(buffer, Bytes("\r\n"))).ToList();

        Assert.All(frames, f => Assert.Equal(StreamFrameKind.KeepAlive, f.Kind));
        Assert.Equal(1, frames.Sum(f => f.Pings));
    }

    [Fact]
    public void Buffer_should_not_take_a_single_crlf_for_a_ping()
    {
        var buffer = new StreamFrameBuffer(SipParserLimits.Default);

        var frames = Feed(buffer, Bytes("\r\n" + First));

        Assert.Equal(0, frames.Sum(f => f.Pings));
        Assert.Equal(StreamFrameKind.Message, frames[^1].Kind);
    }

    [Fact]
    public void Buffer_should_report_an_unreadable_content_length_as_invalid()
    {
        var buffer = new StreamFrameBuffer(SipParserLimits.Default);

        var frames = Feed(buffer, Bytes(First.Replace("Content-Length: 0", "Content-Length: ten", StringComparison.Ordinal)));

        Assert.Equal(StreamFrameKind.Invalid, Assert.Single(frames).Kind);
    }

    [Fact]
    public void Buffer_should_stop_growing_at_the_message_limit()
    {
        var limits = SipParserLimits.Default with { MaxMessageBytes = 1024 };
        var buffer = new StreamFrameBuffer(limits);
        var header = Bytes("X-Filler: " + new string('a', 100) + "\r\n");

        var total = 0;
        while (buffer.GetWriteMemory() is { IsEmpty: false } memory && total < 10_000)
        {
            var take = Math.Min(memory.Length, header.Length);
            header.AsSpan(0, take).CopyTo(memory.Span);
            buffer.Advance(take);
            total += take;
            Assert.False(buffer.TryRead(out _));
        }

        Assert.Equal(1024, total);
        Assert.True(buffer.GetWriteMemory().IsEmpty);
    }

    private static List<Frame> Feed(StreamFrameBuffer buffer, byte[] bytes)
    {
        var frames = new List<Frame>();
        var position = 0;
        while (position < bytes.Length)
        {
            var memory = buffer.GetWriteMemory();
            var take = Math.Min(memory.Length, bytes.Length - position);
            bytes.AsSpan(position, take).CopyTo(memory.Span);
            buffer.Advance(take);
            position += take;
            while (buffer.TryRead(out var frame))
            {
                frames.Add(new Frame(frame.Kind, Encoding.UTF8.GetString(frame.Data.Span), frame.Pings));
            }
        }

        return frames;
    }

    private sealed record Frame(StreamFrameKind Kind, string Text, int Pings);
}
