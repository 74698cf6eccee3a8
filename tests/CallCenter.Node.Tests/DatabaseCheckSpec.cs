using CallCenter.Node.Config;

namespace CallCenter.Node.Tests;

public sealed class DatabaseCheckSpec : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("callcenter-node-");

    [Fact]
    public void Database_in_a_missing_directory_should_be_refused_naming_the_option_that_set_it()
    {
        var path = Path.Combine(_directory.FullName, "missing", "callcenter.db");
        var commandLine = CommandLine.Parse(["--db", path]);

        var error = Assert.Throws<ConfigurationError>(() => DatabaseCheck.Check(commandLine.ApplyTo(Read.Hocon("")), commandLine));

        Assert.Equal($"--db: directory '{Path.GetDirectoryName(path)}' does not exist", error.Message);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)), "nothing is created");
    }

    [Fact]
    public void Database_in_a_missing_directory_should_be_refused_naming_the_key_when_the_file_set_it()
    {
        var path = Path.Combine(_directory.FullName, "missing", "callcenter.db");
        var commandLine = CommandLine.Parse([]);

        var error = Assert.Throws<ConfigurationError>(() => DatabaseCheck.Check(Read.Hocon($"callcenter {{ database = \"{path}\" }}"), commandLine));

        Assert.StartsWith("callcenter.database: directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Database_that_names_a_directory_should_be_refused()
    {
        var commandLine = CommandLine.Parse(["--db", _directory.FullName]);

        var error = Assert.Throws<ConfigurationError>(() => DatabaseCheck.Check(commandLine.ApplyTo(Read.Hocon("")), commandLine));

        Assert.EndsWith("is a directory; name the database file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Database_in_an_existing_directory_should_pass_without_being_created()
    {
        var path = Path.Combine(_directory.FullName, "callcenter.db");
        var commandLine = CommandLine.Parse(["--db", path]);

        DatabaseCheck.Check(commandLine.ApplyTo(Read.Hocon("")), commandLine);

        Assert.False(File.Exists(path));
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
