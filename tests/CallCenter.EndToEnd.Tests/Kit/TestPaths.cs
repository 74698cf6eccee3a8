using System.Reflection;

namespace CallCenter.EndToEnd.Tests.Kit;

/// <summary>Where the built node, the built softphone and the SIPp scenarios are (written into this assembly at build time).</summary>
internal static class TestPaths
{
    public static string NodeAssembly => Metadata("NodeAssembly");

    public static string SoftphoneAssembly => Metadata("SoftphoneAssembly");

    public static string Scenario(string file) => Path.Combine(Metadata("SippScenarios"), file);

    private static string Metadata(string key)
    {
        var value = typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"assembly metadata {key} is empty");
        return Path.GetFullPath(value);
    }
}
