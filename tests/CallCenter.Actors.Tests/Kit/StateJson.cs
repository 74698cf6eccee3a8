using System.Text.Json;

namespace CallCenter.Actors.Tests.Kit;

/// <summary>Compares states by value: the domain states hold ImmutableArrays, which records compare by reference.</summary>
internal static class StateJson
{
    public static void AssertSame<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}
