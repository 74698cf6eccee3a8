using System.Collections.Immutable;
using System.Reflection;
using CallCenter.Domain;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>
/// Builds an instance of any message or state type with every constructor parameter and settable property filled with a
/// distinct non-default value, so a round trip that drops or mangles a field shows up as a difference.
/// </summary>
internal sealed class SampleFactory
{
    private static readonly DateTimeOffset Epoch = new(2026, 2, 3, 9, 30, 0, TimeSpan.FromHours(1));
    private int _counter;

    public object Create(Type type)
    {
        var n = ++_counter;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return Create(underlying);
        }

        if (type == typeof(string))
        {
            return $"text-{n}";
        }

        if (type == typeof(int))
        {
            return n;
        }

        if (type == typeof(long))
        {
            return 1000L + n;
        }

        if (type == typeof(double))
        {
            return n + 0.25;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateTimeOffset))
        {
            return Epoch.AddSeconds(n).AddTicks(n);
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.FromSeconds(n);
        }

        if (type.IsEnum)
        {
            // The last member is never the default one, so a value lost to default(T) is caught.
            return Enum.GetValues(type).Cast<object>().Last();
        }

        if (type == typeof(CallId))
        {
            return new CallId($"call-{n}");
        }

        if (type == typeof(AgentId))
        {
            return new AgentId($"agent-{n}");
        }

        if (type == typeof(QueueId))
        {
            return new QueueId($"queue-{n}");
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            return CreateImmutableArray(type.GetGenericArguments()[0]);
        }

        return CreateObject(type);
    }

    private object CreateImmutableArray(Type element)
    {
        var items = Array.CreateInstance(element, 2);
        items.SetValue(Create(element), 0);
        items.SetValue(Create(element), 1);
        var create = typeof(ImmutableArray).GetMethods()
            .Single(m => m.Name == nameof(ImmutableArray.Create) && m.GetParameters() is [{ ParameterType.IsArray: true }])
            .MakeGenericMethod(element);
        return create.Invoke(null, [items])!;
    }

    private object CreateObject(Type type)
    {
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .Where(c => !c.GetParameters().Any(p => p.ParameterType == type)) // skip a record's copy constructor
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"{type.FullName} has no public constructor to build a sample with");

        var parameters = constructor.GetParameters();
        var instance = constructor.Invoke(parameters.Select(p => Create(p.ParameterType)).ToArray());
        var bound = parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is { IsPublic: true } && !bound.Contains(property.Name))
            {
                property.SetValue(instance, Create(property.PropertyType));
            }
        }

        return instance;
    }
}
