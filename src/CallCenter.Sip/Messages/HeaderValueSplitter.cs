namespace CallCenter.Sip.Messages;

/// <summary>Splits a list header's line at top-level commas, never inside quotes or angle brackets.</summary>
internal static class HeaderValueSplitter
{
    public static void SplitInto(string line, List<string> values)
    {
        var start = 0;
        var inQuotes = false;
        var inAngle = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == '<')
            {
                inAngle = true;
            }
            else if (c == '>')
            {
                inAngle = false;
            }
            else if (c == ',' && !inAngle)
            {
                AddTrimmed(line, start, i, values);
                start = i + 1;
            }
        }

        AddTrimmed(line, start, line.Length, values);
    }

    private static void AddTrimmed(string line, int start, int end, List<string> values)
    {
        var span = line.AsSpan(start, end - start).Trim(" \t");
        if (span.Length > 0)
        {
            values.Add(span.Length == line.Length ? line : span.ToString());
        }
    }
}
