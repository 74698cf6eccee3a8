using CallCenter.Node.Config;

namespace CallCenter.Node.Tests;

/// <summary><c>include "file"</c> in a node's configuration, read relative to the including file.</summary>
public sealed class ConfigurationIncludeSpec : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("callcenter-include-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Included_file_should_be_read_from_the_including_files_folder_and_the_includer_should_win()
    {
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "shared"));
        Write("shared/base.hocon", "callcenter {\n  sip { port = 5070 }\n  node-id = \"base\"\n}");

        var configuration = Parse("include \"shared/base.hocon\"\ncallcenter { node-id = \"node-a\" }");

        Assert.Equal(5070, configuration.SipPort);
        Assert.Equal("node-a", configuration.NodeId);
    }

    [Fact]
    public void Missing_included_file_should_be_named_in_the_error()
    {
        var error = Assert.Throws<ConfigurationError>(() => Parse("include \"nowhere.hocon\""));

        Assert.Contains("include \"nowhere.hocon\": there is no file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_including_itself_should_be_refused_with_a_message_not_a_crash()
    {
        Write("loop.hocon", "include \"loop.hocon\"");

        var error = Assert.Throws<ConfigurationError>(() => Parse("include \"loop.hocon\""));

        Assert.Contains("nest deeper than", error.Message, StringComparison.Ordinal);
    }

    private NodeConfiguration Parse(string hocon) =>
        NodeConfigurationReader.Parse(hocon, "node.hocon", _ => null, includeDirectory: _folder.FullName);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder.FullName, name), text);
}
