using System.Collections.Immutable;
using System.Globalization;
using Akka.Configuration;

namespace CallCenter.Node.Config;

/// <summary>Typed reads of HOCON values that fail with a <see cref="ConfigurationError"/> naming the full key.</summary>
internal sealed class HoconReader(Akka.Configuration.Config config)
{
    public bool Has(string key) => config.HasPath(key);

    public string String(string key)
    {
        var value = Optional(key, v => v.IsString() ? v.GetString() : throw new FormatException("expected a text value"));
        return value ?? throw new ConfigurationError(key, "is required");
    }

    public string? OptionalString(string key)
    {
        var value = Optional(key, v => v.IsString() ? v.GetString() : throw new FormatException("expected a text value"));
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public int Int(string key, int min, int max)
    {
        var text = String(key);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            throw new ConfigurationError(key, $"'{text}' is not a whole number");
        }

        return number < min || number > max ? throw new ConfigurationError(key, $"{number} is outside {min}..{max}") : number;
    }

    /// <summary>A whole number in <paramref name="min"/>..<paramref name="max"/>, or null for "off".</summary>
    public int? OptionalInt(string key, int min, int max) =>
        string.Equals(OptionalString(key), "off", StringComparison.OrdinalIgnoreCase) ? null : Int(key, min, max);

    /// <summary>A duration with a HOCON unit (500ms, 20s, 5m).</summary>
    public TimeSpan Duration(string key) =>
        OptionalDuration(key) ?? throw new ConfigurationError(key, "is required (a duration such as 30s)");

    /// <summary>A duration, or null for "off" / absent.</summary>
    public TimeSpan? OptionalDuration(string key)
    {
        var text = OptionalString(key);
        if (text is null || text.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        TimeSpan value;
        try
        {
            value = config.GetTimeSpan(key, null, allowInfinite: false);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new ConfigurationError(key, $"'{text}' is not a duration (use a unit: 500ms, 20s, 5m) or off");
        }

        return value < TimeSpan.Zero ? throw new ConfigurationError(key, "must not be negative") : value;
    }

    public ImmutableArray<string> StringList(string key)
    {
        if (!config.HasPath(key))
        {
            return [];
        }

        try
        {
            // An empty list is neither an array nor a string to this parser; a text or a block is no list.
            var value = config.GetValue(key);
            if (value.IsString() || value.IsObject())
            {
                throw new ConfigurationError(key, "expected a list such as [a, b]");
            }

            return [.. config.GetStringList(key)];
        }
        catch (Exception e) when (e is FormatException or InvalidCastException)
        {
            throw new ConfigurationError(key, "expected a list of names such as [a, b]");
        }
    }

    /// <summary>The names of the blocks inside <paramref name="key"/> (queues, agents), in file order.</summary>
    public ImmutableArray<string> Children(string key)
    {
        if (!config.HasPath(key))
        {
            return [];
        }

        var value = config.GetValue(key);
        if (!value.IsObject())
        {
            throw new ConfigurationError(key, "expected a block { ... }");
        }

        return [.. value.GetObject().Items.Keys];
    }

    /// <summary>An enum value written in kebab case (overflow, when-full = reject); <paramref name="fallback"/> when absent.</summary>
    public TEnum Choice<TEnum>(string key, TEnum fallback)
        where TEnum : struct, Enum
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return fallback;
        }

        var names = Enum.GetNames<TEnum>();
        var match = names.FirstOrDefault(n => string.Equals(n, text.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        return match is not null
            ? Enum.Parse<TEnum>(match)
            : throw new ConfigurationError(key, $"'{text}' is not one of {string.Join(", ", names.Select(n => n.ToLowerInvariant()))}");
    }

    /// <summary>A misspelt key would otherwise be ignored in silence and its default used instead.</summary>
    public void RejectUnknownKeys(string key, IReadOnlySet<string> known)
    {
        if (!config.HasPath(key) || !config.GetValue(key).IsObject())
        {
            throw new ConfigurationError(key, "expected a block { ... }");
        }

        var unknown = config.GetValue(key).GetObject().Items.Keys.FirstOrDefault(k => !known.Contains(k));
        if (unknown is not null)
        {
            throw new ConfigurationError($"{key}.{unknown}", $"unknown key; known: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
        }
    }

    private T? Optional<T>(string key, Func<Akka.Configuration.Hocon.HoconValue, T> read)
        where T : class
    {
        if (!config.HasPath(key))
        {
            return null;
        }

        try
        {
            return read(config.GetValue(key));
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or NotSupportedException)
        {
            throw new ConfigurationError(key, e.Message);
        }
    }
}
