using Akka.Configuration.Hocon;

namespace CallCenter.Node.Config;

/// <summary>
/// <c>include "file"</c> in a node's configuration: the file is read relative to the including file's folder, so a
/// node's file can start from the sample's settings (README, "Several nodes"). Akka's parser has no file access of its
/// own; without this callback an include crashed start-up with a NullReferenceException instead of a message.
/// </summary>
internal static class HoconIncludes
{
    private const int MaxDepth = 8;

    /// <summary>The include callback for a text read from <paramref name="directory"/>.</summary>
    public static Func<string, HoconRoot> From(string directory, string source) => From(directory, source, 0);

    private static Func<string, HoconRoot> From(string directory, string source, int depth) => name =>
    {
        var file = Path.GetFullPath(Path.Combine(directory, name.Trim('"')));
        if (depth >= MaxDepth)
        {
            throw new ConfigurationError(source, $"include \"{name}\": includes nest deeper than {MaxDepth} (a file including itself?)");
        }

        if (!File.Exists(file))
        {
            throw new ConfigurationError(source, $"include \"{name}\": there is no file {file}");
        }

        return Parser.Parse(File.ReadAllText(file), From(Path.GetDirectoryName(file)!, file, depth + 1));
    };
}
