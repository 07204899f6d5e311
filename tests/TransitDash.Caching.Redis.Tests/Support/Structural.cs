using System.Collections;
using System.Reflection;

namespace TransitDash.Caching.Redis.Tests.Support;

/// <summary>Compares two object graphs member by member (records with lists compare their lists by
/// reference): what a round trip through the codec must keep.</summary>
internal static class Structural
{
    public static void Equal(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }

        if (expected is IEnumerable expectedItems and not string)
        {
            var left = expectedItems.Cast<object?>().ToArray();
            var right = ((IEnumerable)actual).Cast<object?>().ToArray();
            Assert.True(left.Length == right.Length, $"{path}: expected {left.Length} items, got {right.Length}");
            for (var i = 0; i < left.Length; i++)
            {
                Equal(left[i], right[i], $"{path}[{i}]");
            }

            return;
        }

        var type = expected.GetType();
        Assert.True(type == actual.GetType(), $"{path}: expected a {type.Name}, got a {actual.GetType().Name}");
        if (type.IsPrimitive || type.IsEnum || expected is string or decimal or DateTimeOffset or DateTime or TimeSpan)
        {
            Assert.True(Equals(expected, actual), $"{path}: expected {expected}, got {actual}");
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            Equal(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
        }
    }
}
