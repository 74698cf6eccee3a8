using Akka.Configuration;

namespace CallCenter.Actors.Persistence;

/// <summary>Reads the repository's <c>hocon/</c> files, which the assembly embeds, and quotes values for generated HOCON.</summary>
public static class EmbeddedHocon
{
    public const string Serialization = "serialization.hocon";
    public const string PersistenceSqlite = "persistence.sqlite.hocon";
    public const string PersistencePostgreSql = "persistence.postgresql.hocon";

    /// <summary>The raw text of one embedded HOCON file.</summary>
    public static string Text(string fileName)
    {
        var resource = $"CallCenter.Actors.hocon.{fileName}";
        using var stream = typeof(EmbeddedHocon).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"HOCON resource '{resource}' is not embedded in {typeof(EmbeddedHocon).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static Config Load(string fileName) => ConfigurationFactory.ParseString(Text(fileName));

    /// <summary>A HOCON quoted string holding exactly <paramref name="value"/> (connection strings carry ; = " and \).</summary>
    public static string Quote(string value)
    {
        var quoted = new System.Text.StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                _ when char.IsControl(c) => quoted.Append($"\\u{(int)c:x4}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
