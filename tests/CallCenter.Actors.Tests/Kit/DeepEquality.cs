using System.Collections;
using System.Reflection;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>
/// Structural comparison through public properties and sequences; records holding ImmutableArray compare arrays by
/// reference, so their own Equals cannot judge a deserialized copy.
/// </summary>
internal static class DeepEquality
{
    /// <summary>The path of the first difference, or null when the two are structurally equal.</summary>
    public static string? FirstDifference(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: {Show(expected)} vs {Show(actual)}";
        }

        var type = expected.GetType();
        if (type != actual.GetType())
        {
            return $"{path}: type {type.Name} vs {actual.GetType().Name}";
        }

        if (type.IsPrimitive || type.IsEnum || expected is string or decimal or DateTimeOffset or DateTime or TimeSpan || IsStringId(type))
        {
            return Equals(expected, actual) && Same(expected, actual) ? null : $"{path}: {Show(expected)} vs {Show(actual)}";
        }

        if (expected is IEnumerable left && actual is IEnumerable right)
        {
            var l = left.Cast<object?>().ToList();
            var r = right.Cast<object?>().ToList();
            if (l.Count != r.Count)
            {
                return $"{path}: {l.Count} items vs {r.Count}";
            }

            return Enumerable.Range(0, l.Count).Select(i => FirstDifference(l[i], r[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var difference = FirstDifference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }

    // DateTimeOffset.Equals compares instants only; a persisted time must also keep its offset.
    private static bool Same(object expected, object actual) =>
        expected is not DateTimeOffset e || actual is not DateTimeOffset a || e.Offset == a.Offset;

    private static bool IsStringId(Type type) => type.Namespace == "CallCenter.Domain" && type.Name.EndsWith("Id", StringComparison.Ordinal);

    private static string Show(object? value) => value switch
    {
        null => "null",
        DateTimeOffset t => t.ToString("O"),
        _ => value.ToString() ?? value.GetType().Name,
    };
}
