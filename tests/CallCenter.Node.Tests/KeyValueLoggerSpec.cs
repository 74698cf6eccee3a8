using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Event;
using CallCenter.Node.Logging;
using Microsoft.Extensions.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace CallCenter.Node.Tests;

public sealed class KeyValueLoggerSpec : IAsyncLifetime
{
    private readonly RecordingLoggerFactory _sink = new();
    private ActorSystem _system = null!;

    public Task InitializeAsync()
    {
        _system = System("spec", new KeyValueLoggerSetup(_sink));
        return Task.CompletedTask;
    }

    private static ActorSystem System(string name, KeyValueLoggerSetup setup, string extra = "")
    {
        var config = ConfigurationFactory.ParseString($"akka.loglevel = DEBUG\nakka.loggers = [\"{typeof(KeyValueLogger).AssemblyQualifiedName}\"]\n{extra}");
        return ActorSystem.Create(name, ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(config), setup));
    }

    public Task DisposeAsync() => _system.Terminate();

    [Fact]
    public async Task Logger_should_write_each_named_value_as_a_snake_case_field_after_the_message()
    {
        _system.Log.Info("Call {CallId} offered to {AgentId} for {QueueId}", "c-42", "alice", "support");

        var line = await _sink.WaitForAsync(l => l.Text.StartsWith("Call c-42", StringComparison.Ordinal));

        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("Call c-42 offered to alice for support source=ActorSystem(spec) call_id=c-42 agent_id=alice queue_id=support", line.Text);
        Assert.Contains(new KeyValuePair<string, object?>("call_id", "c-42"), line.Fields);
        Assert.Contains(new KeyValuePair<string, object?>("agent_id", "alice"), line.Fields);
    }

    [Fact]
    public async Task Logger_should_quote_values_with_spaces_and_keep_the_actor_path_without_the_system_address()
    {
        var actor = _system.ActorOf(Props.Create(() => new Talker()), "talker");

        actor.Tell("Busy Here");

        var line = await _sink.WaitForAsync(l => l.Text.StartsWith("Agent", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Equal("Agent bob rejected: Busy Here source=/user/talker agent_id=bob reason=\"Busy Here\"", line.Text);
    }

    [Fact]
    public async Task Logger_for_json_should_keep_the_text_plain_and_the_values_as_fields()
    {
        var sink = new RecordingLoggerFactory();
        var system = System("json", new KeyValueLoggerSetup(sink, fieldsInText: false));
        try
        {
            system.Log.Info("Call {CallId} ended", "c-7");

            var line = await sink.WaitForAsync(l => l.Text.StartsWith("Call c-7", StringComparison.Ordinal));
            Assert.Equal("Call c-7 ended", line.Text);
            Assert.Contains(new KeyValuePair<string, object?>("call_id", "c-7"), line.Fields);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task Logger_should_start_in_a_clustered_node_before_remoting_has_an_address()
    {
        var sink = new RecordingLoggerFactory();
        var system = System("clustered", new KeyValueLoggerSetup(sink), """
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
            """);
        try
        {
            system.ActorOf(Props.Create(() => new Talker()), "talker").Tell("no");

            var line = await sink.WaitForAsync(l => l.Text.StartsWith("Agent bob", StringComparison.Ordinal));
            Assert.Contains(" source=/user/talker ", line.Text, StringComparison.Ordinal);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Theory]
    [InlineData("akka://callcenter/user/sip", "/user/sip")]
    [InlineData("akka.tcp://callcenter@127.0.0.1:4053/system/sharding/agent/1/alice", "/system/sharding/agent/1/alice")]
    [InlineData("CoordinatedShutdown (akka://callcenter)", "CoordinatedShutdown (akka://callcenter)")]
    [InlineData("akka://callcenter", "akka://callcenter")]
    public void Source_should_be_the_actor_path_without_the_system_address(string source, string path)
    {
        Assert.Equal(path, LogFields.ActorPath(source));
    }

    [Theory]
    [InlineData("CallId", "call_id")]
    [InlineData("SipCallId", "sip_call_id")]
    [InlineData("RTPPort", "rtp_port")]
    [InlineData("id", "id")]
    public void Snake_case_should_split_words_and_acronyms(string name, string snake)
    {
        Assert.Equal(snake, LogFields.SnakeCase(name));
    }

    private sealed class Talker : ReceiveActor
    {
        public Talker() => Receive<string>(reason => Context.GetLogger().Warning("Agent {AgentId} rejected: {Reason}", "bob", reason));
    }

    private sealed record Line(LogLevel Level, string Text, IReadOnlyList<KeyValuePair<string, object?>> Fields);

    /// <summary>Keeps every line written; a waiter is woken by each new one.</summary>
    private sealed class RecordingLoggerFactory : ILoggerFactory, ILogger
    {
        private readonly ConcurrentQueue<Line> _lines = new();
        private readonly SemaphoreSlim _written = new(0);

        public async Task<Line> WaitForAsync(Func<Line, bool> match)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                if (_lines.FirstOrDefault(match) is { } line)
                {
                    return line;
                }

                await _written.WaitAsync(deadline.Token);
            }
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            _lines.Enqueue(new Line(logLevel, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
            _written.Release();
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
