namespace TransitDash.Hosting;

/// <summary>Finds the <c>config.yaml</c> a host reads: the file named by <c>--config</c>; else
/// <c>config.yaml</c> in the working directory; else the one at the repository root (the nearest
/// folder above the working directory or the program that holds <c>TransitDash.sln</c>).</summary>
public static class ConfigFile
{
    /// <summary>The default file name.</summary>
    public const string DefaultName = "config.yaml";

    /// <summary>Resolves the configuration file's full path.</summary>
    /// <param name="explicitPath">The path given with <c>--config</c>, or null.</param>
    /// <param name="workingDirectory">The working directory.</param>
    /// <returns>The full path.</returns>
    /// <exception cref="FileNotFoundException">The named file, or any default, does not exist.</exception>
    public static string Locate(string? explicitPath, string workingDirectory)
    {
        if (explicitPath is not null)
        {
            var full = Path.GetFullPath(explicitPath, workingDirectory);
            return File.Exists(full) ? full : throw new FileNotFoundException($"the configuration file '{full}' (from --config) does not exist", full);
        }

        var local = Path.Combine(workingDirectory, DefaultName);
        if (File.Exists(local))
        {
            return local;
        }

        foreach (var start in new[] { workingDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultName);
                if (File.Exists(Path.Combine(dir.FullName, "TransitDash.sln")) && File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"no {DefaultName} in '{workingDirectory}' or at the repository root; pass --config PATH", DefaultName);
    }
}
