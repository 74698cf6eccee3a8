namespace CallCenter.Node.Config;

/// <summary>
/// The call center a node runs when started without <c>--config</c>: <c>samples/callcenter.hocon</c>, embedded, so
/// that <c>dotnet run --project src/CallCenter.Node</c> alone gives a newcomer a working demo with known accounts.
/// </summary>
/// <remarks>
/// Its passwords are fixed and public on purpose (a demo one can follow from the README); the notice says so, and
/// any real deployment passes its own file, where passwords can also come from the environment.
/// </remarks>
internal static class SampleConfiguration
{
    public const string Source = "built-in sample (samples/callcenter.hocon)";

    private const string Resource = "CallCenter.Node.sample.hocon";

    /// <summary>What a newcomer needs to register a phone: each demo agent with its (public) password, read from the sample.</summary>
    public static string Notice()
    {
        var agents = Akka.Configuration.ConfigurationFactory.ParseString(Text()).GetConfig("callcenter.agents");
        var accounts = agents.AsEnumerable()
            .Select(entry => entry.Key.Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Select(agent => $"{agent} / {agents.GetString($"{agent}.password")}");
        return $"No --config given: running the {Source} with PUBLIC demo passwords: "
            + $"{string.Join(", ", accounts)}. Pass --config FILE for real use.";
    }

    public static string Text()
    {
        using var stream = typeof(SampleConfiguration).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
