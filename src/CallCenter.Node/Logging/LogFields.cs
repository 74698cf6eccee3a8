using System.Collections;
using System.Globalization;
using System.Text;
using Akka.Event;

namespace CallCenter.Node.Logging;

/// <summary>
/// One Akka log line as Microsoft.Extensions.Logging state: the rendered message, then every named value of its template
/// as <c>key=value</c> in snake case (<c>{CallId}</c> → <c>call_id=…</c>, <c>{AgentId}</c> → <c>agent_id=…</c>) and the
/// actor as <c>source=…</c>. The same fields reach a structured sink (JSON console) as properties, so every line about a
/// call can be found by <c>call_id=</c>, whichever actor wrote it.
/// </summary>
public sealed class LogFields : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _fields;

    private LogFields(string message, List<KeyValuePair<string, object?>> fields)
    {
        Message = message;
        _fields = fields;
    }

    public string Message { get; }

    public int Count => _fields.Count;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public static LogFields From(LogEvent log)
    {
        var fields = new List<KeyValuePair<string, object?>> { new("source", ActorPath(log.LogSource ?? "")) };
        if (log.Message is LogMessage message)
        {
            foreach (var (name, value) in message.GetProperties())
            {
                fields.Add(new(SnakeCase(name), value));
            }
        }

        return new LogFields(log.Message?.ToString() ?? "", fields);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The message, then <c>key=value</c> pairs; a value with spaces, quotes or '=' is quoted.</summary>
    public override string ToString()
    {
        var line = new StringBuilder(Message);
        foreach (var (key, value) in _fields)
        {
            line.Append(' ').Append(key).Append('=').Append(Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null"));
        }

        return line.ToString();
    }

    /// <summary>An actor's path without the system's address (<c>akka.tcp://callcenter@host:4053/user/sip</c> →
    /// <c>/user/sip</c>), which is the same on every line of a node; any other source as it is.</summary>
    public static string ActorPath(string source)
    {
        var scheme = source.StartsWith("akka", StringComparison.Ordinal) ? source.IndexOf("://", StringComparison.Ordinal) : -1;
        var path = scheme < 0 ? -1 : source.IndexOf('/', scheme + 3);
        return path < 0 ? source : source[path..];
    }

    public static string SnakeCase(string name)
    {
        var snake = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(c));
        }

        return snake.ToString();
    }

    private static string Quote(string value) =>
        value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c is '"' or '=')
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
                .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}
