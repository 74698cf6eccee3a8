using CallCenter.Media.Dtmf;

namespace CallCenter.Media.Tests.Dtmf;

public sealed class TelephoneEventSpec
{
    [Fact]
    public void Parser_should_read_event_end_bit_volume_and_duration()
    {
        // Event 11 ('#'), E set, R set (must be ignored), volume 10, duration 0x0320 (800 = 100 ms).
        byte[] payload = [11, 0x80 | 0x40 | 10, 0x03, 0x20];

        Assert.True(TelephoneEvent.TryParse(payload, out var telephoneEvent));

        Assert.Equal(new TelephoneEvent(11, true, 10, 800), telephoneEvent);
        Assert.True(telephoneEvent.TryGetDigit(out var digit));
        Assert.Equal('#', digit);
    }

    [Fact]
    public void Parser_should_refuse_fewer_than_four_bytes()
    {
        Assert.False(TelephoneEvent.TryParse([1, 2, 3], out _));
    }

    [Fact]
    public void Writer_and_parser_should_round_trip()
    {
        var original = new TelephoneEvent(5, false, 63, 65535);
        var buffer = new byte[4];

        Assert.True(original.TryWrite(buffer));
        Assert.True(TelephoneEvent.TryParse(buffer, out var parsed));
        Assert.Equal(original, parsed);
        Assert.False(original.TryWrite(new byte[3]));
    }

    [Fact]
    public void Event_codes_should_map_to_the_sixteen_keys_in_rfc_4733_order()
    {
        var keys = Enumerable.Range(0, 16).Select(code => DtmfDigits.TryGetDigit((byte)code, out var digit) ? digit : '?');

        Assert.Equal("0123456789*#ABCD", string.Concat(keys));
        Assert.False(DtmfDigits.TryGetDigit(16, out _));
        Assert.True(DtmfDigits.TryGetEventCode('d', out var code));
        Assert.Equal(15, code);
        Assert.False(DtmfDigits.TryGetEventCode('E', out _));
    }
}
