using CallCenter.Actors.Serialization;
using CallCenter.Domain;

namespace CallCenter.Actors.Tests.Serialization;

/// <summary>Every type the call-center serializer must handle, found by reflection rather than listed by hand.</summary>
internal static class PersistedTypes
{
    /// <summary>
    /// Concrete messages of the domain and of the actors (commands, events, replies), and the domain's event-sourced
    /// states (snapshots). Read models such as CallRecord also fold events but are never serialized by Akka.
    /// </summary>
    public static IReadOnlyList<Type> All { get; } =
        new[] { typeof(ICallCenterMessage).Assembly, typeof(CallCenterSerializer).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false, ContainsGenericParameters: false })
            .Where(t => typeof(ICallCenterMessage).IsAssignableFrom(t)
                || (t.Assembly == typeof(ICallCenterMessage).Assembly && IsEventSourcedState(t))
                || t == typeof(CommandResult))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    /// <summary>A state has <c>Apply(IxxxEvent) → itself</c>: actors snapshot exactly these.</summary>
    public static bool IsEventSourcedState(Type type) =>
        type.GetMethods().Any(m => m.Name == "Apply" && m.ReturnType == type
            && m.GetParameters() is [{ ParameterType: { IsInterface: true } parameter }]
            && typeof(ICallCenterMessage).IsAssignableFrom(parameter));
}
