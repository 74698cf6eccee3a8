namespace CallCenter.Node.Config;

/// <summary>
/// The SQLite file is created on first use, deep inside start-up; a directory that does not exist would fail there, after
/// the SIP port is bound. Checked up front instead, so a bad path stops the node before anything starts.
/// </summary>
internal static class DatabaseCheck
{
    /// <exception cref="ConfigurationError">The database's directory does not exist.</exception>
    public static void Check(NodeConfiguration configuration, CommandLine commandLine)
    {
        var key = commandLine.Database is null ? $"{NodeConfigurationReader.Root}.database" : "--db";
        string directory;
        try
        {
            directory = Path.GetDirectoryName(Path.GetFullPath(configuration.Database)) ?? "";
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ConfigurationError(key, $"'{configuration.Database}' is not a usable path: {e.Message}");
        }

        if (Directory.Exists(configuration.Database))
        {
            throw new ConfigurationError(key, $"'{configuration.Database}' is a directory; name the database file");
        }

        if (!Directory.Exists(directory))
        {
            throw new ConfigurationError(key, $"directory '{directory}' does not exist");
        }
    }
}
