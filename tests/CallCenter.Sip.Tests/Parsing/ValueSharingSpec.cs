using CallCenter.Sip.Parsing;
using CsCheck;
using static CallCenter.Sip.Tests.SipText;

namespace CallCenter.Sip.Tests.Parsing;

/// <summary>The parser shares strings of values that repeat across messages; sharing must never change a value.</summary>
public class ValueSharingSpec
{
    private const string Capabilities = "Allow: INVITE, ACK, BYE\nUser-Agent: Phone 1.0\nExpires: 3600\nContent-Length: 0";

    [Fact]
    public void Parser_should_share_one_string_for_capabilities_repeated_across_messages()
    {
        var first = ParseRequest(Options.Replace("Content-Length: 0", Capabilities));
        var second = ParseRequest(Options.Replace("Content-Length: 0", Capabilities));

        Assert.Same(first.Headers.First("Allow"), second.Headers.First("Allow"));
        Assert.Same(first.Headers.First("User-Agent"), second.Headers.First("User-Agent"));
        Assert.Same(first.Headers.First("Expires"), second.Headers.First("Expires"));
        Assert.NotSame(first.Headers.First("To"), second.Headers.First("To"));
    }

    [Fact]
    public void Parser_should_share_common_parameter_names_and_keep_other_spellings_as_written()
    {
        var first = ParseRequest(Options).TopVia!;
        var second = ParseRequest(Options.Replace(";branch=", ";Branch=")).TopVia!;

        Assert.Same("branch", first.Parameters[0].Name);
        Assert.Equal("Branch", second.Parameters[0].Name);
        Assert.Equal(first.Branch, second.Branch);
    }

    [Theory]
    [InlineData("0069")]
    [InlineData("00")]
    [InlineData("10000")]
    [InlineData("70")]
    [InlineData("0")]
    public void Parser_should_keep_number_values_verbatim(string number)
    {
        var request = ParseRequest(Options.Replace("Content-Length: 0", $"Expires: {number}\nX-Count: {number}\nContent-Length: 0"));

        Assert.Equal(number, request.Headers.First("Expires"));
        Assert.Equal(number, request.Headers.First("X-Count"));
    }

    [Fact]
    public void Value_cache_should_always_return_a_string_equal_to_its_input()
    {
        Gen.String[Gen.Char["abcAB, 0123;=\"<>"], 0, 200].Array[1, 50].Sample(values =>
        {
            foreach (var value in values)
            {
                Assert.Equal(value, HeaderValueCache.Get(value));
            }
        }, iter: 500);
    }

    [Fact]
    public void Small_numbers_should_be_shared_only_when_written_without_leading_zeros()
    {
        Assert.True(SmallNumbers.TryGet("258", out var first));
        Assert.True(SmallNumbers.TryGet("258".AsSpan(), out var second));
        Assert.Same(first, second);
        Assert.False(SmallNumbers.TryGet("0258", out _));
        Assert.False(SmallNumbers.TryGet("10000", out _));
        Assert.False(SmallNumbers.TryGet("-1", out _));
        Assert.False(SmallNumbers.TryGet("", out _));
    }
}
