using Akka.Configuration;

namespace CallCenter.Actors.Persistence;

/// <summary>The <c>group-commit</c> block of the journal's plugin config (see <see cref="GroupCommitSqlWriteJournal"/>).</summary>
internal sealed record GroupCommitSettings(TimeSpan Window, int MaxRows)
{
    private static readonly TimeSpan LongestWindow = TimeSpan.FromMilliseconds(100);

    public static GroupCommitSettings From(Config journalConfig)
    {
        var window = journalConfig.GetTimeSpan("group-commit.window", TimeSpan.Zero, allowInfinite: false);
        var maxRows = journalConfig.GetInt("group-commit.max-rows", 500);
        if (window < TimeSpan.Zero || window > LongestWindow)
        {
            throw new ConfigurationException(
                $"group-commit.window must be between 0 and {LongestWindow.TotalMilliseconds} ms; it is {window.TotalMilliseconds} ms.");
        }

        if (maxRows < 1)
        {
            throw new ConfigurationException($"group-commit.max-rows must be at least 1; it is {maxRows}.");
        }

        return new GroupCommitSettings(window, maxRows);
    }
}
