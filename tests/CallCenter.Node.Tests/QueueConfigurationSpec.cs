using CallCenter.Domain;
using CallCenter.Domain.Queues;

namespace CallCenter.Node.Tests;

public sealed class QueueConfigurationSpec
{
    [Fact]
    public void Reader_should_read_every_queue_key()
    {
        var configuration = Read.Hocon(Read.Center("""
            support {
              strategy = longest-idle, max-size = 7, max-wait = 90s, ring-timeout = 12s, max-attempts = 4, wrap-up = 15s
              when-full = overflow, when-max-wait = overflow, when-no-agents = leave, no-agents-after = 30s, overflow = backup
            }
            backup { }
            """));

        var support = configuration.Queues.Single(q => q.Id == new QueueId("support"));
        Assert.Equal("longest-idle", support.Settings.Strategy);
        Assert.Equal(7, support.Settings.MaxSize);
        Assert.Equal(TimeSpan.FromSeconds(90), support.Settings.MaxWait);
        Assert.Equal(TimeSpan.FromSeconds(12), support.Settings.RingTimeout);
        Assert.Equal(4, support.Settings.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(15), support.WrapUp);
        Assert.Equal(QueueFullPolicy.Overflow, support.Settings.WhenFull);
        Assert.Equal(MaxWaitPolicy.Overflow, support.Settings.WhenMaxWait);
        Assert.Equal(NoAgentsPolicy.Leave, support.Settings.WhenNoAgents);
        Assert.Equal(TimeSpan.FromSeconds(30), support.Settings.LeaveWhenNoAgentsAfter);
        Assert.Equal(new QueueId("backup"), support.Settings.OverflowQueue);
    }

    [Fact]
    public void Reader_should_give_an_empty_queue_block_the_domain_defaults()
    {
        var support = Read.Hocon(Read.Center("support { }")).Queues.Single();

        Assert.Equal(QueueSettings.Default, support.Settings);
        Assert.Null(support.WrapUp);
        Assert.Equal(TimeSpan.Zero, support.AnswerDelay);
    }

    [Fact]
    public void Reader_should_pass_each_queues_answer_delay_to_the_gateway()
    {
        var configuration = Read.Hocon(Read.Center("support { answer-delay = 8s }\n sales { answer-delay = off }\n billing { }"));

        var delays = Config.CallCenterComposition.GatewaySettings(configuration).AnswerDelays;

        Assert.Equal(TimeSpan.FromSeconds(8), configuration.Queues.Single(q => q.Id == new QueueId("support")).AnswerDelay);
        Assert.Equal([new(new QueueId("support"), TimeSpan.FromSeconds(8))], delays.ToArray());
    }

    [Theory]
    [InlineData("support { when-full = overflow }", "callcenter.queues.support.overflow: is required when")]
    [InlineData("support { when-max-wait = overflow, max-wait = 5s }", "callcenter.queues.support.overflow: is required when")]
    [InlineData("support { when-no-agents = overflow }", "callcenter.queues.support.overflow: is required when")]
    [InlineData("support { overflow = sales }", "callcenter.queues.support.overflow: queue 'sales' is not configured under callcenter.queues")]
    [InlineData("support { overflow = support }", "callcenter.queues.support.overflow: a queue cannot overflow into itself")]
    [InlineData("support { when-full = drop }", "callcenter.queues.support.when-full: 'drop' is not one of reject, overflow")]
    [InlineData("support { when-max-wait = hangup }", "callcenter.queues.support.when-max-wait: 'hangup' is not one of timeout, overflow")]
    [InlineData("support { when-no-agents = panic }", "callcenter.queues.support.when-no-agents: 'panic' is not one of wait, leave, overflow")]
    [InlineData("support { no-agents-after = -5s }", "callcenter.queues.support.no-agents-after: '-5s' is not a duration")]
    [InlineData("support { max-wait = 0s }", "callcenter.queues.support: max wait must be positive")]
    [InlineData("support { max-size = 0 }", "callcenter.queues.support.max-size: 0 is outside 1..1000000")]
    [InlineData("support { max-size = many }", "callcenter.queues.support.max-size: 'many' is not a whole number")]
    [InlineData("support { ring-timeout = 0s }", "callcenter.queues.support.ring-timeout: must be positive")]
    [InlineData("support { ring-timeout = soon }", "callcenter.queues.support.ring-timeout: 'soon' is not a duration")]
    [InlineData("support { max-attempts = -1 }", "callcenter.queues.support.max-attempts: -1 is outside 0..1000")]
    [InlineData("support { wrap-up = later }", "callcenter.queues.support.wrap-up: 'later' is not a duration")]
    [InlineData("support { answer-delay = -1s }", "callcenter.queues.support.answer-delay: '-1s' is not a duration")]
    [InlineData("support { answer-delay = 121s }", "callcenter.queues.support.answer-delay: must be at most 120s")]
    [InlineData("support { strategy = loudest }", "callcenter.queues.support: unknown routing strategy 'loudest'")]
    [InlineData("support { ring-timout = 5s }", "callcenter.queues.support.ring-timout: unknown key; known: ")]
    [InlineData("support = 5", "callcenter.queues.support: expected a block")]
    [InlineData("support { }\n \"sup port\" { }", "callcenter.queues.sup port: 'sup port' is not a usable name")]
    public void Reader_should_name_the_key_of_a_bad_queue_setting(string queues, string message)
    {
        Assert.StartsWith(message, Read.Error(Read.Center(queues)), StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_should_refuse_an_overflow_chain_that_returns_to_its_start()
    {
        var message = Read.Error(Read.Center("""
            support { when-full = overflow, overflow = sales }
            sales { when-no-agents = overflow, overflow = billing }
            billing { when-full = overflow, overflow = support }
            """));

        Assert.Equal(
            "callcenter.queues.support.overflow: overflow leads back to 'support' (support -> sales -> billing -> support); a call could bounce forever",
            message);
    }

    [Fact]
    public void Reader_should_accept_an_overflow_chain_that_ends()
    {
        var configuration = Read.Hocon(Read.Center("""
            support { when-full = overflow, overflow = sales }
            sales { when-full = overflow, overflow = billing }
            billing { }
            """));

        Assert.Equal(3, configuration.Queues.Length);
    }

    [Fact]
    public void Reader_should_take_policy_names_in_any_case_and_with_dashes()
    {
        var support = Read.Hocon(Read.Center("support { when-no-agents = LEAVE, when-full = Reject }")).Queues.Single();

        Assert.Equal(NoAgentsPolicy.Leave, support.Settings.WhenNoAgents);
        Assert.Equal(QueueFullPolicy.Reject, support.Settings.WhenFull);
    }
}
