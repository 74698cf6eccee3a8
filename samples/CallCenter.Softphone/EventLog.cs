using System.Globalization;

namespace CallCenter.Softphone;

/// <summary>One line per event on stdout, errors on stderr, each with the time; scripts and tests read these lines.</summary>
internal static class EventLog
{
    private static readonly Lock Gate = new();

    public static void Event(string text) => Write(Console.Out, text);

    public static void Error(string text) => Write(Console.Error, "error: " + text);

    private static void Write(TextWriter writer, string text)
    {
        lock (Gate)
        {
            writer.WriteLine($"{DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {text}");
            writer.Flush();
        }
    }
}
