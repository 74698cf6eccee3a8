namespace CallCenter.Media.Dtmf;

/// <summary>RFC 4733 §3.2 event codes of the sixteen DTMF keys: 0-9, then *, #, A, B, C, D.</summary>
public static class DtmfDigits
{
    public const byte MaxDtmfEvent = 15;

    private const string Keys = "0123456789*#ABCD";

    public static bool TryGetDigit(byte eventCode, out char digit)
    {
        if (eventCode <= MaxDtmfEvent)
        {
            digit = Keys[eventCode];
            return true;
        }

        digit = '\0';
        return false;
    }

    /// <summary>The event code of a key; letters in either case.</summary>
    public static bool TryGetEventCode(char digit, out byte eventCode)
    {
        var index = Keys.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        eventCode = index < 0 ? (byte)0 : (byte)index;
        return index >= 0;
    }
}
