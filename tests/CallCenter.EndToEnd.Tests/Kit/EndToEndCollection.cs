namespace CallCenter.EndToEnd.Tests.Kit;

/// <summary>End-to-end tests run one at a time: each starts a node and several SIPp processes on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "end to end";
}
