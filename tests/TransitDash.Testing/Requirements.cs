namespace TransitDash.Testing;

/// <summary>What a test needs from the machine. Missing things skip the test with the reason, except
/// under <c>TRANSITDASH_REQUIRE_ALL=1</c> (CI), where they fail it.</summary>
public static class Requirements
{
    /// <summary>True when <c>TRANSITDASH_REQUIRE_ALL=1</c>.</summary>
    public static bool RequireAll =>
        string.Equals(Environment.GetEnvironmentVariable("TRANSITDASH_REQUIRE_ALL"), "1", StringComparison.Ordinal);

    /// <summary>Skips (or, under <see cref="RequireAll"/>, fails) the current test.</summary>
    /// <param name="reason">What is missing.</param>
    public static void Missing(string reason)
    {
        if (RequireAll)
        {
            Assert.Fail($"Required by TRANSITDASH_REQUIRE_ALL=1 but missing: {reason}");
        }

        Assert.Skip($"Skipped: {reason}");
    }

    /// <summary>The full path of an executable on PATH, or null.</summary>
    /// <param name="name">The executable's name.</param>
    /// <returns>The path, or null.</returns>
    public static string? FindExecutable(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator))
        {
            if (dir.Length == 0)
            {
                continue;
            }

            var candidate = System.IO.Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The full path of an executable; skips (or fails) the test when it is not on PATH.</summary>
    /// <param name="name">The executable's name.</param>
    /// <returns>The path.</returns>
    public static string Executable(string name)
    {
        var path = FindExecutable(name);
        if (path is null)
        {
            Missing($"'{name}' is not on PATH");
        }

        return path!;
    }
}
