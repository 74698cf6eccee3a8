using System.Collections.Immutable;
using CallCenter.Domain;
using CallCenter.Domain.Queues;

namespace CallCenter.Node.Config;

/// <summary>Reads <c>callcenter.queues</c>: one block per queue, its policies and where its calls overflow to.</summary>
internal static class QueueConfigReader
{
    private static readonly ImmutableHashSet<string> Keys =
    [
        "strategy", "max-size", "max-wait", "ring-timeout", "max-attempts", "wrap-up", "answer-delay",
        "overflow", "when-full", "when-max-wait", "when-no-agents", "no-agents-after",
    ];

    private static readonly TimeSpan MaxAnswerDelay = TimeSpan.FromSeconds(120);

    public static ImmutableArray<QueueConfig> Read(HoconReader hocon)
    {
        var section = $"{NodeConfigurationReader.Root}.queues";
        var names = hocon.Children(section);
        var ids = names.Select(n => new QueueId(n)).ToImmutableHashSet();
        var queues = ImmutableArray.CreateBuilder<QueueConfig>(names.Length);
        foreach (var name in names)
        {
            queues.Add(ReadQueue(hocon, $"{section}.{name}", name, ids));
        }

        var result = queues.MoveToImmutable();
        RejectOverflowLoops(result, section);
        return result;
    }

    private static QueueConfig ReadQueue(HoconReader hocon, string key, string name, ImmutableHashSet<QueueId> configured)
    {
        var id = new QueueId(NodeConfigurationReader.Name(key, name));
        hocon.RejectUnknownKeys(key, Keys);
        var defaults = QueueSettings.Default;
        QueueId? overflow = hocon.OptionalString($"{key}.overflow") is { } target ? new QueueId(target) : null;
        if (overflow is { } named && !configured.Contains(named))
        {
            throw new ConfigurationError($"{key}.overflow", $"queue '{overflow}' is not configured under {NodeConfigurationReader.Root}.queues");
        }

        var settings = defaults with
        {
            Strategy = hocon.OptionalString($"{key}.strategy") ?? defaults.Strategy,
            MaxSize = hocon.Has($"{key}.max-size") ? hocon.Int($"{key}.max-size", 1, 1_000_000) : defaults.MaxSize,
            MaxWait = hocon.OptionalDuration($"{key}.max-wait"),
            RingTimeout = hocon.Has($"{key}.ring-timeout") ? NodeConfigurationReader.Positive(hocon, $"{key}.ring-timeout") : defaults.RingTimeout,
            MaxAttempts = hocon.Has($"{key}.max-attempts") ? hocon.Int($"{key}.max-attempts", 0, 1000) : defaults.MaxAttempts,
            OverflowQueue = overflow,
            WhenFull = hocon.Choice($"{key}.when-full", defaults.WhenFull),
            WhenMaxWait = hocon.Choice($"{key}.when-max-wait", defaults.WhenMaxWait),
            WhenNoAgents = hocon.Choice($"{key}.when-no-agents", defaults.WhenNoAgents),
            LeaveWhenNoAgentsAfter = hocon.OptionalDuration($"{key}.no-agents-after") ?? defaults.LeaveWhenNoAgentsAfter,
        };

        // Checked here, not left to Validate below, so that the message names the key to add.
        if (overflow is null && (settings.WhenFull == QueueFullPolicy.Overflow
            || settings.WhenMaxWait == MaxWaitPolicy.Overflow || settings.WhenNoAgents == NoAgentsPolicy.Overflow))
        {
            throw new ConfigurationError($"{key}.overflow", "is required when when-full, when-max-wait or when-no-agents is overflow");
        }

        if (overflow == id)
        {
            throw new ConfigurationError($"{key}.overflow", "a queue cannot overflow into itself");
        }

        if (settings.Validate(id) is { } problem)
        {
            throw new ConfigurationError(key, problem);
        }

        return new QueueConfig(id, settings) { WrapUp = hocon.OptionalDuration($"{key}.wrap-up"), AnswerDelay = ReadAnswerDelay(hocon, $"{key}.answer-delay") };
    }

    /// <summary>
    /// Callers hear ringback this long before the center answers. Bounded well below the 3 minutes after which proxies
    /// give up on an unanswered INVITE (RFC 3261 §16.6, timer C), so a caller is never lost to a proxy's timer.
    /// </summary>
    private static TimeSpan ReadAnswerDelay(HoconReader hocon, string key)
    {
        var delay = hocon.OptionalDuration(key) ?? TimeSpan.Zero;
        return delay > MaxAnswerDelay ? throw new ConfigurationError(key, $"must be at most {MaxAnswerDelay.TotalSeconds:0}s") : delay;
    }

    /// <summary>
    /// Overflow targets must not lead back to where they started: two full queues (or two without agents) pointing at
    /// each other would pass a call between them forever, persisting an event at every hop.
    /// </summary>
    private static void RejectOverflowLoops(ImmutableArray<QueueConfig> queues, string section)
    {
        var targets = queues.Where(q => q.Settings.OverflowQueue is not null)
            .ToDictionary(q => q.Id, q => q.Settings.OverflowQueue!.Value);
        foreach (var start in queues)
        {
            var path = new List<QueueId> { start.Id };
            for (var at = start.Id; targets.TryGetValue(at, out var next);)
            {
                path.Add(next);
                if (next == start.Id)
                {
                    throw new ConfigurationError(
                        $"{section}.{start.Id}.overflow", $"overflow leads back to '{start.Id}' ({string.Join(" -> ", path)}); a call could bounce forever");
                }

                if (path.Count > queues.Length)
                {
                    break;
                }

                at = next;
            }
        }
    }
}
