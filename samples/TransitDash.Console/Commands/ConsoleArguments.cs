using System.Globalization;
using TransitDash.Hosting;
using TransitDash.Options;

namespace TransitDash.ConsoleHost.Commands;

/// <summary>What the command line asks for. Parsed by hand: besides the console's own options it passes
/// <c>--config</c>, <c>--demo</c> and configuration switches (<c>--TransitDash:Subway:PollInterval=10s</c>) to
/// the configuration, and every other option is an error.</summary>
internal sealed record ConsoleArguments
{
    /// <summary>Sources that <c>record --sources</c> may name.</summary>
    public static readonly IReadOnlyList<string> RecordableSources = [TransitDashSources.Subway, TransitDashSources.Citibike, TransitDashSources.Alerts];

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(10);

    public ConsoleCommand Command { get; init; } = ConsoleCommand.Board;

    public bool Once { get; init; }

    public bool Json { get; init; }

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>A frozen clock (<c>--at</c>): the board as of that instant.</summary>
    public DateTimeOffset? At { get; init; }

    public string? OutDirectory { get; init; }

    public TimeSpan Duration { get; init; } = DefaultDuration;

    /// <summary>The sources <c>record</c> records; null for every configured one.</summary>
    public IReadOnlyList<string>? Sources { get; init; }

    public string? ReplayDirectory { get; init; }

    public HostArguments Host { get; init; } = new(null, false, []);

    /// <summary>Parses the process arguments.</summary>
    /// <exception cref="ArgumentException">An unknown option, a missing or bad value, or options that do not go together; the message says which.</exception>
    public static ConsoleArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var reader = new Reader(args);
        var command = reader.Peek() switch
        {
            "record" => ConsoleCommand.Record,
            "replay" => ConsoleCommand.Replay,
            "help" => ConsoleCommand.Help,
            _ => ConsoleCommand.Board,
        };
        if (command != ConsoleCommand.Board)
        {
            reader.Next();
        }

        var parsed = new ConsoleArguments { Command = command };
        var hostArgs = new List<string>();
        var given = new List<string>();
        while (reader.Next() is { } arg)
        {
            var (name, inline) = Split(arg);
            if (name.StartsWith("--", StringComparison.Ordinal) && name.Contains(':', StringComparison.Ordinal))
            {
                // A configuration switch, for the command-line configuration provider.
                hostArgs.Add(arg);
                if (inline is null)
                {
                    hostArgs.Add(reader.Value(name));
                }

                continue;
            }

            if (name.StartsWith('-'))
            {
                given.Add(name);
            }

            parsed = name switch
            {
                "-h" or "--help" or "-?" => parsed with { Command = ConsoleCommand.Help },
                "--once" => parsed with { Once = true },
                "--json" => parsed with { Json = true, Once = true },
                "--timeout" => parsed with { Timeout = ParseDuration(name, inline ?? reader.Value(name)) },
                "--at" => parsed with { At = ParseInstant(name, inline ?? reader.Value(name)) },
                "--out" => parsed with { OutDirectory = inline ?? reader.Value(name) },
                "--duration" => parsed with { Duration = ParseDuration(name, inline ?? reader.Value(name)) },
                "--sources" => parsed with { Sources = SourceList(inline ?? reader.Value(name)) },
                "--config" => Pass(parsed, hostArgs, "--config", inline ?? reader.Value(name)),
                "--demo" => Pass(parsed, hostArgs, "--demo", null),
                _ when name.StartsWith('-') => throw new ArgumentException($"unknown option '{name}'"),
                _ when command == ConsoleCommand.Replay && parsed.ReplayDirectory is null => parsed with { ReplayDirectory = arg },
                _ => throw new ArgumentException($"unexpected argument '{arg}'"),
            };
        }

        if (parsed.Command == ConsoleCommand.Help)
        {
            return parsed;
        }

        Check(parsed, given);
        return parsed with { Host = HostArguments.Parse(hostArgs) };
    }

    private static void Check(ConsoleArguments parsed, List<string> given)
    {
        string[] allowed = parsed.Command switch
        {
            ConsoleCommand.Record => ["--out", "--duration", "--sources", "--config", "--demo"],
            ConsoleCommand.Replay => ["--once", "--json", "--timeout", "--at", "--config"],
            _ => ["--once", "--json", "--timeout", "--at", "--config", "--demo"],
        };
        var commandName = parsed.Command switch
        {
            ConsoleCommand.Record => "record",
            ConsoleCommand.Replay => "replay",
            _ => "the live board",
        };
        if (given.FirstOrDefault(o => !allowed.Contains(o)) is { } misplaced)
        {
            throw new ArgumentException($"{misplaced} does not go with {commandName}");
        }

        if (parsed.Command == ConsoleCommand.Record && string.IsNullOrWhiteSpace(parsed.OutDirectory))
        {
            throw new ArgumentException("record needs --out DIR, the folder to write the recording to");
        }

        if (parsed.Command == ConsoleCommand.Replay && string.IsNullOrWhiteSpace(parsed.ReplayDirectory))
        {
            throw new ArgumentException("replay needs the folder of a recording, for example: replay recordings/am-rush");
        }

        if (parsed.At is not null && !parsed.Once)
        {
            throw new ArgumentException("--at freezes the clock, which only makes sense with --once");
        }
    }

    private static ConsoleArguments Pass(ConsoleArguments parsed, List<string> hostArgs, string option, string? value)
    {
        hostArgs.Add(option);
        if (value is not null)
        {
            hostArgs.Add(value);
        }

        return parsed;
    }

    private static (string Name, string? Inline) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static TimeSpan ParseDuration(string option, string text) =>
        DurationText.TryParse(text, out var value) && value > TimeSpan.Zero
            ? value
            : throw new ArgumentException($"{option} needs a positive duration such as 30s, 2m or 1h (got '{text}')");

    private static DateTimeOffset ParseInstant(string option, string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new ArgumentException($"{option} needs an instant: ISO 8601 such as 2019-09-15T00:01:20Z, or epoch seconds (got '{text}')");
    }

    private static string[] SourceList(string text)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new ArgumentException($"--sources needs a comma-separated list of {string.Join(", ", RecordableSources)}");
        }

        foreach (var name in names)
        {
            if (!RecordableSources.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"--sources: '{name}' is not a source; choose from {string.Join(", ", RecordableSources)}");
            }
        }

        return [.. names.Select(n => n.ToLowerInvariant()).Distinct()];
    }

    /// <summary>Reads arguments one at a time.</summary>
    private sealed class Reader(IReadOnlyList<string> args)
    {
        private int next;

        public string? Peek() => next < args.Count ? args[next] : null;

        public string? Next() => next < args.Count ? args[next++] : null;

        /// <summary>The value after an option.</summary>
        public string Value(string option) =>
            Peek() is { } value && !(value.StartsWith("--", StringComparison.Ordinal) && value.Length > 2)
                ? Next()!
                : throw new ArgumentException($"{option} needs a value");
    }
}
