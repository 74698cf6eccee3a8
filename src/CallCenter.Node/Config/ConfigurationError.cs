namespace CallCenter.Node.Config;

/// <summary>A configuration value that cannot be used, named by its full key (or command-line option).</summary>
public sealed class ConfigurationError(string key, string problem) : Exception($"{key}: {problem}")
{
    public string Key { get; } = key;

    public string Problem { get; } = problem;
}
