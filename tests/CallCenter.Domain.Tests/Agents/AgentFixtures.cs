using CallCenter.Domain.Agents;
using CallCenter.Domain.Tests.Kit;

namespace CallCenter.Domain.Tests.Agents;

/// <summary>Agents in ready-made situations.</summary>
internal static class AgentFixtures
{
    public static readonly AgentId Alice = new("alice");
    public static readonly QueueId Support = new("support");
    public static readonly CallId Call1 = new("call-1");
    public static readonly CallId Call2 = new("call-2");
    public static readonly CallId Call3 = new("call-3");

    public static AgentState Offline(AgentSettings? settings = null)
    {
        var state = new AgentState(Alice);
        return settings is null ? state : state.Must(new AgentCommands.Configure(Alice, settings), Steps.T0);
    }

    public static AgentState Available(AgentSettings? settings = null) =>
        Offline(settings).Must(new AgentCommands.Register(Alice, "sip:alice@10.0.0.5:5060", TimeSpan.FromHours(1)), Steps.T0);

    public static AgentState Reserved(AgentSettings? settings = null) =>
        Available(settings).Must(new AgentCommands.OfferCall(Alice, Call1, Support), Steps.At(10));

    public static AgentState OnCall(AgentSettings? settings = null) =>
        Reserved(settings).Must(new AgentCommands.ConnectCall(Alice, Call1), Steps.At(15));
}
