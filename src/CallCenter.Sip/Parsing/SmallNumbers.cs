namespace CallCenter.Sip.Parsing;

/// <summary>
/// Shared strings for the decimal numbers 0-9999, the values of Content-Length, Max-Forwards, Expires, Min-SE and
/// the like in nearly every message. Filled on first use; a race only creates an equal string twice.
/// </summary>
internal static class SmallNumbers
{
    private const int Count = 10_000;

    private static readonly string?[] Strings = new string?[Count];

    /// <summary>The shared string when <paramref name="text"/> is a number below 10000 written without leading zeros.</summary>
    public static bool TryGet(ReadOnlySpan<char> text, out string value)
    {
        value = null!;
        if (text.IsEmpty || text.Length > 4 || (text[0] == '0' && text.Length > 1))
        {
            return false;
        }

        var number = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        value = Strings[number] ??= text.ToString();
        return true;
    }
}
