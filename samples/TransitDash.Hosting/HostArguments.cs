namespace TransitDash.Hosting;

/// <summary>The switches every sample host understands before configuration is built:
/// <c>--config PATH</c> and <c>--demo</c>. Everything else is left for the command-line
/// configuration provider (<c>--TransitDash:Subway:PollInterval=10s</c>, <c>--urls</c>).</summary>
/// <param name="ConfigPath">The file named by <c>--config</c>, or null for the default.</param>
/// <param name="Demo">True when <c>--demo</c> was given.</param>
/// <param name="Remaining">The other arguments, in order.</param>
public sealed record HostArguments(string? ConfigPath, bool Demo, IReadOnlyList<string> Remaining)
{
    /// <summary>Splits the arguments.</summary>
    /// <param name="args">The process arguments.</param>
    /// <returns>The parsed switches.</returns>
    /// <exception cref="ArgumentException"><c>--config</c> has no value.</exception>
    public static HostArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? config = null;
        var demo = false;
        var remaining = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--demo")
            {
                demo = true;
            }
            else if (arg is "--config")
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException("--config needs a file path, for example --config ./config.yaml");
                }

                config = args[++i];
            }
            else if (arg.StartsWith("--config=", StringComparison.Ordinal))
            {
                config = arg["--config=".Length..];
                if (config.Length == 0)
                {
                    throw new ArgumentException("--config needs a file path, for example --config=./config.yaml");
                }
            }
            else
            {
                remaining.Add(arg);
            }
        }

        return new HostArguments(config, demo, remaining);
    }
}
