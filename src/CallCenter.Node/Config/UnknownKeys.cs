namespace CallCenter.Node.Config;

/// <summary>
/// Refuses keys under <c>callcenter</c> that the defaults do not have: a misspelt key (<c>sip.prot</c>) would otherwise
/// be ignored in silence and the node would run on the default. Queue and agent blocks are named by the user; their
/// readers check the keys inside them.
/// </summary>
internal static class UnknownKeys
{
    private static readonly string[] UserNamedBlocks = [$"{NodeConfigurationReader.Root}.queues", $"{NodeConfigurationReader.Root}.agents"];

    /// <exception cref="ConfigurationError">A key under <c>callcenter</c> the defaults do not know.</exception>
    public static void Reject(Akka.Configuration.Config user, Akka.Configuration.Config defaults)
    {
        var root = NodeConfigurationReader.Root;
        if (!user.HasPath(root))
        {
            return;
        }

        if (!user.GetValue(root).IsObject())
        {
            throw new ConfigurationError(root, "expected a block { ... }");
        }

        Walk(user.GetValue(root), root, defaults);
    }

    private static void Walk(Akka.Configuration.Hocon.HoconValue value, string key, Akka.Configuration.Config defaults)
    {
        if (UserNamedBlocks.Any(b => key == b || key.StartsWith(b + ".", StringComparison.Ordinal)))
        {
            return;
        }

        if (!defaults.HasPath(key))
        {
            throw new ConfigurationError(key, "unknown key (the known ones are in hocon/callcenter.defaults.hocon)");
        }

        if (value.IsObject())
        {
            foreach (var (name, child) in value.GetObject().Items)
            {
                Walk(child, $"{key}.{name}", defaults);
            }
        }
    }
}
