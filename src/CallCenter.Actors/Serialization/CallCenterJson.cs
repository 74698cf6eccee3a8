using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CallCenter.Domain;

namespace CallCenter.Actors.Serialization;

/// <summary>The one JSON shape of persisted and remoted call-center messages.</summary>
public static class CallCenterJson
{
    /// <summary>Frozen options: camelCase fields, enums by name, ids as strings, derived (get-only) properties left out.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitDerivedProperties } },
            Converters =
            {
                // Enum names survive reordering of members; events never rename them (append-only contracts).
                new JsonStringEnumConverter(),
                new StringIdConverter<CallId>(v => new CallId(v), id => id.Value),
                new StringIdConverter<AgentId>(v => new AgentId(v), id => id.Value),
                new StringIdConverter<QueueId>(v => new QueueId(v), id => id.Value),
            },
        };
        options.MakeReadOnly();
        return options;
    }

    // A property with no setter and no constructor parameter is computed from the others (CommandResult.IsOk,
    // state summaries): writing it only bloats the journal, and reading ignores it anyway.
    private static void OmitDerivedProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var parameters = info.Type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(c => c.GetParameters())
            .Select(p => p.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            if (property.Set is null && property.AttributeProvider is PropertyInfo clr && !parameters.Contains(clr.Name))
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
