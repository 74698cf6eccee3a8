using CallCenter.Node.Config;

namespace CallCenter.Node.Tests;

/// <summary>Reads a configuration with an empty environment unless one is given, so the machine's variables never leak in.</summary>
internal static class Read
{
    public static NodeConfiguration Hocon(string hocon, IReadOnlyDictionary<string, string>? environment = null) =>
        NodeConfigurationReader.Parse(hocon, "test.hocon", name => environment is not null && environment.TryGetValue(name, out var value) ? value : null);

    /// <summary>The error the configuration fails with, as the node prints it ("key: problem").</summary>
    public static string Error(string hocon, IReadOnlyDictionary<string, string>? environment = null) =>
        Assert.Throws<ConfigurationError>(() => Hocon(hocon, environment)).Message;

    /// <summary>A call center with queues <paramref name="queues"/> (blocks) and one agent serving <paramref name="served"/>.</summary>
    public static string Center(string queues, string served = "support", string agent = "password = \"pw\"") => $$"""
        callcenter {
          queues { {{queues}} }
          agents { alice { {{agent}}, queues = [{{served}}] } }
        }
        """;
}
