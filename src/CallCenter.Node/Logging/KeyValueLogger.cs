using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Dispatch;
using Akka.Event;
using Microsoft.Extensions.Logging;
using AkkaLogLevel = Akka.Event.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace CallCenter.Node.Logging;

/// <summary>Gives the <see cref="KeyValueLogger"/> the host's logger factory, and whether the text should repeat the
/// fields (not for JSON, whose sink writes them as properties).</summary>
public sealed class KeyValueLoggerSetup(ILoggerFactory loggerFactory, bool fieldsInText = true) : Setup
{
    public ILoggerFactory LoggerFactory { get; } = loggerFactory;

    public bool FieldsInText { get; } = fieldsInText;
}

/// <summary>
/// Akka's logger for the node: writes each log event to Microsoft.Extensions.Logging with its template's named values
/// as fields (<see cref="LogFields"/>), where Akka.Hosting's logger would flatten them into the text.
/// </summary>
public sealed class KeyValueLogger : ActorBase, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly Dictionary<Type, ILogger> _loggers = [];
    private readonly Func<LogFields, Exception?, string> _render;

    public KeyValueLogger()
    {
        var setup = Context.System.Settings.Setup.Get<KeyValueLoggerSetup>();
        _loggerFactory = setup.HasValue
            ? setup.Value.LoggerFactory
            : throw new InvalidOperationException($"{nameof(KeyValueLogger)} needs a {nameof(KeyValueLoggerSetup)} in the actor system's setup");
        _render = setup.Value.FieldsInText ? static (fields, _) => fields.ToString() : static (fields, _) => fields.Message;
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case InitializeLogger:
                Sender.Tell(new LoggerInitialized());
                return true;
            case LogEvent log:
                Write(log);
                return true;
            default:
                return false;
        }
    }

    private void Write(LogEvent log)
    {
        var type = log.LogClass ?? typeof(KeyValueLogger);
        if (!_loggers.TryGetValue(type, out var logger))
        {
            logger = _loggerFactory.CreateLogger(type);
            _loggers[type] = logger;
        }

        var level = Level(log.LogLevel());
        if (!logger.IsEnabled(level))
        {
            return;
        }

        LogFields fields;
        try
        {
            fields = LogFields.From(log);
        }
        catch (FormatException e)
        {
            // A template that does not match its arguments must cost its line, not the logger (which would stop logging).
            logger.Log(LogLevel.Warning, e, "Unformattable log message from {Source}", log.LogSource);
            return;
        }

        logger.Log(level, default, fields, log.Cause, _render);
    }

    private static LogLevel Level(AkkaLogLevel level) => level switch
    {
        AkkaLogLevel.DebugLevel => LogLevel.Debug,
        AkkaLogLevel.InfoLevel => LogLevel.Information,
        AkkaLogLevel.WarningLevel => LogLevel.Warning,
        AkkaLogLevel.ErrorLevel => LogLevel.Error,
        _ => LogLevel.Information,
    };
}
