using CallCenter.Sip.Parsing;

namespace CallCenter.Sip.Messages;

/// <summary>The CSeq header: a sequence number below 2^31 and the request method (§8.1.1.5).</summary>
public readonly record struct CSeq(long Number, string Method)
{
    public const long MaxNumber = (1L << 31) - 1;

    public static bool TryParse(ReadOnlySpan<char> text, out CSeq cseq) => HeaderValueParser.TryParseCSeq(text, out cseq);

    public override string ToString() => $"{Number} {Method}";
}
