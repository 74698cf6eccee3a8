using CallCenter.Domain;
using CallCenter.Node.Config;

namespace CallCenter.Node.Tests;

public sealed class AgentConfigurationSpec
{
    private const string Queues = "support { }\n sales { wrap-up = 20s }\n billing { wrap-up = 45s }";

    [Fact]
    public void Reader_should_read_every_agent_key()
    {
        var alice = Read.Hocon(Read.Center(Queues, "support, sales", "password = \"pw\", capacity = 3, wrap-up = 5s, max-no-answer = 0")).Agents.Single();

        Assert.Equal(new AgentId("alice"), alice.Id);
        Assert.Equal(["support", "sales"], alice.Queues.Select(q => q.Value));
        Assert.Equal(3, alice.Settings.Capacity);
        Assert.Equal(TimeSpan.FromSeconds(5), alice.Settings.WrapUpTime);
        Assert.Equal(0, alice.Settings.MaxNoAnswer);
        Assert.Equal("pw", alice.Password);
    }

    [Fact]
    public void Agent_without_its_own_wrap_up_should_take_the_longest_of_its_queues()
    {
        Assert.Equal(TimeSpan.FromSeconds(45), Read.Hocon(Read.Center(Queues, "sales, billing")).Agents.Single().Settings.WrapUpTime);
        Assert.Equal(TimeSpan.FromSeconds(20), Read.Hocon(Read.Center(Queues, "support, sales")).Agents.Single().Settings.WrapUpTime);
        Assert.Equal(TimeSpan.Zero, Read.Hocon(Read.Center(Queues, "support")).Agents.Single().Settings.WrapUpTime);
    }

    [Fact]
    public void Password_from_the_environment_should_win_over_the_file()
    {
        var environment = new Dictionary<string, string> { ["CALLCENTER_AGENT_ALICE_PASSWORD"] = "from-env" };

        Assert.Equal("from-env", Read.Hocon(Read.Center(Queues), environment).Agents.Single().Password);
    }

    [Fact]
    public void Password_from_the_environment_should_be_enough_for_an_agent_without_one_in_the_file()
    {
        var environment = new Dictionary<string, string> { ["CALLCENTER_AGENT_ALICE_PASSWORD"] = "from-env" };

        Assert.Equal("from-env", Read.Hocon(Read.Center(Queues, agent: "capacity = 1"), environment).Agents.Single().Password);
    }

    [Fact]
    public void Empty_environment_variable_should_leave_the_file_password()
    {
        var environment = new Dictionary<string, string> { ["CALLCENTER_AGENT_ALICE_PASSWORD"] = "" };

        Assert.Equal("pw", Read.Hocon(Read.Center(Queues), environment).Agents.Single().Password);
    }

    [Theory]
    [InlineData("alice", "CALLCENTER_AGENT_ALICE_PASSWORD")]
    [InlineData("alice.smith", "CALLCENTER_AGENT_ALICE_SMITH_PASSWORD")]
    [InlineData("agent-007", "CALLCENTER_AGENT_AGENT_007_PASSWORD")]
    public void Password_variable_should_be_the_id_upper_cased_with_other_characters_as_underscores(string id, string variable)
    {
        Assert.Equal(variable, AgentConfigReader.PasswordVariable(id));
    }

    [Fact]
    public void Reader_should_refuse_two_agents_sharing_one_password_variable()
    {
        var message = Read.Error("""
            callcenter {
              agents {
                agent-1 { password = a }
                agent_1 { password = b }
              }
            }
            """);

        Assert.Equal("callcenter.agents.agent_1: its password variable CALLCENTER_AGENT_AGENT_1_PASSWORD is also agent 'agent-1''s; rename one of them", message);
    }

    [Fact]
    public void Agent_with_only_ha1_values_should_need_no_password()
    {
        var alice = Read.Hocon(Read.Center(Queues, agent: $"ha1-md5 = \"{new string('A', 32)}\", ha1-sha256 = \"{new string('b', 64)}\"")).Agents.Single();

        Assert.Null(alice.Password);
        Assert.Equal(new string('a', 32), alice.Ha1Md5);
        Assert.Equal(new string('b', 64), alice.Ha1Sha256);
    }

    [Theory]
    [InlineData("capacity = 1", "support", "callcenter.agents.alice.password: an agent needs a password (or CALLCENTER_AGENT_ALICE_PASSWORD in the environment, or ha1-md5 / ha1-sha256)")]
    [InlineData("password = pw", "nowhere", "callcenter.agents.alice.queues: queue 'nowhere' is not configured under callcenter.queues")]
    [InlineData("password = pw, capacity = 0", "support", "callcenter.agents.alice.capacity: 0 is outside 1..100")]
    [InlineData("password = pw, wrap-up = -1s", "support", "callcenter.agents.alice.wrap-up: '-1s' is not a duration (use a unit: 500ms, 20s, 5m) or off")]
    [InlineData("password = pw, max-no-answer = lots", "support", "callcenter.agents.alice.max-no-answer: 'lots' is not a whole number")]
    [InlineData("password = pw, ha1-md5 = abc", "support", "callcenter.agents.alice.ha1-md5: expected 32 hexadecimal digits")]
    [InlineData("password = pw, ha1-sha256 = abc", "support", "callcenter.agents.alice.ha1-sha256: expected 64 hexadecimal digits")]
    [InlineData("pasword = pw", "support", "callcenter.agents.alice.pasword: unknown key; known: capacity, ha1-md5, ha1-sha256, max-no-answer, password, queues, wrap-up")]
    public void Reader_should_name_the_key_of_a_bad_agent_setting(string agent, string served, string message)
    {
        Assert.Equal(message, Read.Error(Read.Center(Queues, served, agent)));
    }

    [Fact]
    public void Reader_should_refuse_queues_that_are_not_a_list()
    {
        Assert.Equal(
            "callcenter.agents.alice.queues: expected a list such as [a, b]",
            Read.Error("callcenter { queues { support { } }\n agents { alice { password = pw, queues = support } } }"));
    }
}
