using Akka.Configuration;
using CallCenter.Actors.Persistence;
using Microsoft.Data.Sqlite;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>A real SQLite file unique to one test, prepared like the host does it, deleted (with its WAL files) at the end.</summary>
public sealed class TempDatabase : IDisposable
{
    private static readonly string Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "callcenter-actors-tests");

    /// <param name="overrides">HOCON laid over the node's persistence config, to try one setting.</param>
    public TempDatabase(string? overrides = null)
    {
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, $"{Guid.NewGuid():N}.db");

        // Fast polling keeps live-query specs quick; the default (1 s) is for production.
        Settings = PersistenceSettings.Sqlite(Path) with { QueryRefreshInterval = TimeSpan.FromMilliseconds(100) };
        CallCenterPersistenceConfig.Prepare(Settings);
        Config = overrides is null
            ? CallCenterPersistenceConfig.Complete(Settings)
            : ConfigurationFactory.ParseString(overrides).WithFallback(CallCenterPersistenceConfig.Complete(Settings));
    }

    public string Path { get; }

    public PersistenceSettings Settings { get; }

    /// <summary>The journal, snapshot store, read journal and serializer on this file.</summary>
    public Config Config { get; }

    /// <summary>Another file in the same folder (a projection database of its own), deleted with this one.</summary>
    public string Sibling(string suffix) => System.IO.Path.ChangeExtension(Path, $".{suffix}.db");

    public void Dispose()
    {
        // Pooled connections keep the files open; only idle ones are closed, which all are once the systems are down.
        SqliteConnection.ClearAllPools();
        var stem = System.IO.Path.GetFileNameWithoutExtension(Path);
        foreach (var file in Directory.EnumerateFiles(Folder, $"{stem}*"))
        {
            File.Delete(file);
        }
    }
}
