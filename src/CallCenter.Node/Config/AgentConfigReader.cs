using System.Collections.Immutable;
using System.Text;
using CallCenter.Domain;
using CallCenter.Domain.Agents;

namespace CallCenter.Node.Config;

/// <summary>Reads <c>callcenter.agents</c>: one block per agent; a password may instead come from the environment.</summary>
internal static class AgentConfigReader
{
    private static readonly ImmutableHashSet<string> Keys = ["password", "ha1-md5", "ha1-sha256", "queues", "capacity", "wrap-up", "max-no-answer"];

    /// <summary><c>CALLCENTER_AGENT_&lt;ID&gt;_PASSWORD</c>: the id upper-cased, every character other than a letter or
    /// digit replaced by '_' (alice.smith → CALLCENTER_AGENT_ALICE_SMITH_PASSWORD).</summary>
    public static string PasswordVariable(string agentId)
    {
        var name = new StringBuilder("CALLCENTER_AGENT_");
        foreach (var c in agentId)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return name.Append("_PASSWORD").ToString();
    }

    public static ImmutableArray<AgentConfig> Read(HoconReader hocon, ImmutableArray<QueueConfig> queues, Func<string, string?> environment)
    {
        var section = $"{NodeConfigurationReader.Root}.agents";
        var names = hocon.Children(section);
        var byId = queues.ToImmutableDictionary(q => q.Id);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var agents = ImmutableArray.CreateBuilder<AgentConfig>(names.Length);
        foreach (var name in names)
        {
            var key = $"{section}.{name}";
            var variable = PasswordVariable(name);
            if (!variables.TryAdd(variable, name))
            {
                // Otherwise one environment variable would silently set two agents' passwords.
                throw new ConfigurationError(key, $"its password variable {variable} is also agent '{variables[variable]}''s; rename one of them");
            }

            agents.Add(ReadAgent(hocon, key, name, byId, environment(variable)));
        }

        return agents.MoveToImmutable();
    }

    private static AgentConfig ReadAgent(
        HoconReader hocon, string key, string name, ImmutableDictionary<QueueId, QueueConfig> queues, string? passwordFromEnvironment)
    {
        var id = new AgentId(NodeConfigurationReader.Name(key, name));
        hocon.RejectUnknownKeys(key, Keys);
        var served = hocon.StringList($"{key}.queues").Select(q => new QueueId(q)).ToImmutableArray();
        if (served.FirstOrDefault(q => !queues.ContainsKey(q)) is { Value: not null } unknown)
        {
            throw new ConfigurationError($"{key}.queues", $"queue '{unknown}' is not configured under {NodeConfigurationReader.Root}.queues");
        }

        var defaults = AgentSettings.Default;
        var settings = new AgentSettings(
            hocon.Has($"{key}.capacity") ? hocon.Int($"{key}.capacity", 1, 100) : defaults.Capacity,
            hocon.OptionalDuration($"{key}.wrap-up") ?? QueueWrapUp(served, queues) ?? defaults.WrapUpTime,
            hocon.Has($"{key}.max-no-answer") ? hocon.Int($"{key}.max-no-answer", 0, 1000) : defaults.MaxNoAnswer);
        var agent = new AgentConfig(id, served, settings)
        {
            Password = string.IsNullOrEmpty(passwordFromEnvironment) ? hocon.OptionalString($"{key}.password") : passwordFromEnvironment,
            Ha1Md5 = Ha1(hocon, $"{key}.ha1-md5", 32),
            Ha1Sha256 = Ha1(hocon, $"{key}.ha1-sha256", 64),
        };
        if (agent.Password is null && agent.Ha1Md5 is null && agent.Ha1Sha256 is null)
        {
            throw new ConfigurationError(
                $"{key}.password", $"an agent needs a password (or {PasswordVariable(name)} in the environment, or ha1-md5 / ha1-sha256)");
        }

        return agent;
    }

    /// <summary>Wrap-up belongs to the agent (rest after any call); a queue's wrap-up is the default for the agents who
    /// serve it, the longest when they serve several.</summary>
    private static TimeSpan? QueueWrapUp(ImmutableArray<QueueId> served, ImmutableDictionary<QueueId, QueueConfig> queues) =>
        served.Select(q => queues[q].WrapUp).Where(w => w is not null).Max();

    private static string? Ha1(HoconReader hocon, string key, int hexLength)
    {
        var value = hocon.OptionalString(key);
        if (value is null)
        {
            return null;
        }

        return value.Length == hexLength && value.All(char.IsAsciiHexDigit)
            ? value.ToLowerInvariant()
            : throw new ConfigurationError(key, $"expected {hexLength} hexadecimal digits");
    }
}
