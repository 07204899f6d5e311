using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace TransitDash.Options;

/// <summary>Reads the library's sections of the <c>TransitDash</c> configuration into
/// <see cref="TransitDashOptions"/>, by hand rather than through the binder: durations such as <c>30s</c>
/// must read alike from files, environment variables and the command line, unknown keys are errors, and
/// every problem must be collected (with its key path and value) instead of stopping at the first.</summary>
internal sealed class TransitDashConfigurationReader
{
    /// <summary>Sections of <c>TransitDash</c> that other components own and validate.</summary>
    private static readonly string[] ForeignSections = ["Web", "Redis"];

    private readonly List<string> _problems;

    private TransitDashConfigurationReader(List<string> problems) => _problems = problems;

    /// <summary>Reads <paramref name="configuration"/> into <paramref name="options"/>. Present sections
    /// replace what the options held; absent ones leave it. Problems go to
    /// <see cref="TransitDashOptions.BindingProblems"/>.</summary>
    /// <param name="configuration">The <c>TransitDash</c> section; a configuration root is read through its
    /// <c>TransitDash</c> section.</param>
    /// <param name="options">The options to fill.</param>
    public static void Read(IConfiguration configuration, TransitDashOptions options)
    {
        var section = configuration as IConfigurationSection ?? configuration.GetSection(TransitDashOptions.SectionName);
        options.ConfigurationPath = section.Path;
        new TransitDashConfigurationReader(options.BindingProblems).ReadRoot(section, options);
    }

    private void ReadRoot(IConfigurationSection root, TransitDashOptions options)
    {
        CheckKeys(root, [.. ForeignSections, nameof(options.Subway), nameof(options.Alerts), nameof(options.Citibike),
            nameof(options.Health), nameof(options.History), nameof(options.Resilience), nameof(options.ClockStart)]);

        if (Section(root, nameof(options.Subway)) is { } subway)
        {
            options.Subway = ReadSubway(subway);
        }

        if (Section(root, nameof(options.Alerts)) is { } alerts)
        {
            options.Alerts = ReadAlerts(alerts);
        }

        if (Section(root, nameof(options.Citibike)) is { } citibike)
        {
            options.Citibike = ReadCitibike(citibike);
        }

        if (Section(root, nameof(options.Health)) is { } health)
        {
            CheckKeys(health, [nameof(HealthOptions.StaleAfter), nameof(HealthOptions.ErrorAfter)]);
            options.Health = new HealthOptions
            {
                StaleAfter = Duration(health, nameof(HealthOptions.StaleAfter), options.Health.StaleAfter),
                ErrorAfter = Duration(health, nameof(HealthOptions.ErrorAfter), options.Health.ErrorAfter),
            };
        }

        if (Section(root, nameof(options.History)) is { } history)
        {
            CheckKeys(history, [nameof(HistoryOptions.Retention)]);
            options.History = new HistoryOptions
            {
                Retention = Duration(history, nameof(HistoryOptions.Retention), options.History.Retention),
            };
        }

        if (Section(root, nameof(options.Resilience)) is { } resilience)
        {
            options.Resilience = ReadResilience(resilience);
        }

        var clockStart = root.GetSection(nameof(options.ClockStart));
        if (Scalar(clockStart) is { } clockText)
        {
            options.ClockStart = ParseInstant(clockStart, clockText);
        }
    }

    private SubwayOptions ReadSubway(IConfigurationSection section)
    {
        var defaults = new SubwayOptions();
        CheckKeys(section, [nameof(defaults.PollInterval), nameof(defaults.ApiKey), nameof(defaults.Feeds),
            nameof(defaults.StaticGtfs), nameof(defaults.HorizonMinutes), nameof(defaults.Stations)]);
        return new SubwayOptions
        {
            PollInterval = Duration(section, nameof(defaults.PollInterval), defaults.PollInterval),
            ApiKey = Text(section, nameof(defaults.ApiKey)) ?? defaults.ApiKey,
            StaticGtfs = Text(section, nameof(defaults.StaticGtfs)) ?? defaults.StaticGtfs,
            HorizonMinutes = Integer(section, nameof(defaults.HorizonMinutes), defaults.HorizonMinutes),
            Feeds = Items(section, nameof(defaults.Feeds)).Select(feed =>
            {
                CheckKeys(feed, [nameof(SubwayFeedOptions.Name), nameof(SubwayFeedOptions.Url)]);
                return new SubwayFeedOptions
                {
                    Name = Text(feed, nameof(SubwayFeedOptions.Name)) ?? string.Empty,
                    Url = Text(feed, nameof(SubwayFeedOptions.Url)) ?? string.Empty,
                };
            }).ToList(),
            Stations = Items(section, nameof(defaults.Stations)).Select(station =>
            {
                CheckKeys(station, [nameof(SubwayStationOptions.Name), nameof(SubwayStationOptions.StopIds)]);
                return new SubwayStationOptions
                {
                    Name = Text(station, nameof(SubwayStationOptions.Name)) ?? string.Empty,
                    StopIds = Strings(station, nameof(SubwayStationOptions.StopIds)),
                };
            }).ToList(),
        };
    }

    private AlertsOptions ReadAlerts(IConfigurationSection section)
    {
        var defaults = new AlertsOptions();
        CheckKeys(section, [nameof(defaults.PollInterval), nameof(defaults.Url)]);
        return new AlertsOptions
        {
            PollInterval = Duration(section, nameof(defaults.PollInterval), defaults.PollInterval),
            Url = Text(section, nameof(defaults.Url)) ?? defaults.Url,
        };
    }

    private CitibikeOptions ReadCitibike(IConfigurationSection section)
    {
        var defaults = new CitibikeOptions();
        CheckKeys(section, [nameof(defaults.PollInterval), nameof(defaults.DiscoveryUrl), nameof(defaults.Language),
            nameof(defaults.Stations), nameof(defaults.Near)]);
        var options = new CitibikeOptions
        {
            PollInterval = Duration(section, nameof(defaults.PollInterval), defaults.PollInterval),
            DiscoveryUrl = Text(section, nameof(defaults.DiscoveryUrl)) ?? defaults.DiscoveryUrl,
            Language = Text(section, nameof(defaults.Language)) ?? defaults.Language,
            Stations = Items(section, nameof(defaults.Stations)).Select(station =>
            {
                CheckKeys(station, [nameof(BikeStationOptions.Id), nameof(BikeStationOptions.Name)]);
                return new BikeStationOptions
                {
                    Id = Text(station, nameof(BikeStationOptions.Id)) ?? string.Empty,
                    Name = Text(station, nameof(BikeStationOptions.Name)) ?? string.Empty,
                };
            }).ToList(),
        };

        if (Section(section, nameof(defaults.Near)) is { } near)
        {
            CheckKeys(near, [nameof(NearOptions.Lat), nameof(NearOptions.Lon), nameof(NearOptions.RadiusM)]);
            options.Near = new NearOptions
            {
                Lat = Number(near, nameof(NearOptions.Lat), 0),
                Lon = Number(near, nameof(NearOptions.Lon), 0),
                RadiusM = Number(near, nameof(NearOptions.RadiusM), 0),
            };
        }

        return options;
    }

    private ResilienceOptions ReadResilience(IConfigurationSection section)
    {
        var defaults = new ResilienceOptions();
        CheckKeys(section, [nameof(defaults.AttemptTimeout), nameof(defaults.Retries), nameof(defaults.RetryDelay),
            nameof(defaults.RetryMaxDelay), nameof(defaults.BreakerFailures), nameof(defaults.BreakerDuration),
            nameof(defaults.MaxRequestsPerSecond), nameof(defaults.MaxResponseBytes)]);
        return new ResilienceOptions
        {
            AttemptTimeout = Duration(section, nameof(defaults.AttemptTimeout), defaults.AttemptTimeout),
            Retries = Integer(section, nameof(defaults.Retries), defaults.Retries),
            RetryDelay = Duration(section, nameof(defaults.RetryDelay), defaults.RetryDelay),
            RetryMaxDelay = Duration(section, nameof(defaults.RetryMaxDelay), defaults.RetryMaxDelay),
            BreakerFailures = Integer(section, nameof(defaults.BreakerFailures), defaults.BreakerFailures),
            BreakerDuration = Duration(section, nameof(defaults.BreakerDuration), defaults.BreakerDuration),
            MaxRequestsPerSecond = Number(section, nameof(defaults.MaxRequestsPerSecond), defaults.MaxRequestsPerSecond),
            MaxResponseBytes = Integer(section, nameof(defaults.MaxResponseBytes), defaults.MaxResponseBytes),
        };
    }

    /// <summary>The child section when it is present: it has keys under it. An empty value (a YAML key with
    /// nothing after it) counts as absent; a plain value where a section belongs is a problem.</summary>
    private IConfigurationSection? Section(IConfigurationSection parent, string key)
    {
        var section = parent.GetSection(key);
        if (section.GetChildren().Any())
        {
            return section;
        }

        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            _problems.Add($"{section.Path}: '{section.Value}' is a value, but a section with keys belongs here");
        }

        return null;
    }

    private void CheckKeys(IConfigurationSection section, string[] known)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                _problems.Add($"{child.Path}: unknown key (expected one of {string.Join(", ", known.Order(StringComparer.Ordinal))})");
            }
        }
    }

    /// <summary>A key's value, or null when it is absent or empty.</summary>
    private string? Scalar(IConfigurationSection section)
    {
        if (section.GetChildren().Any())
        {
            _problems.Add($"{section.Path}: a single value belongs here, not a section or a list");
            return null;
        }

        return string.IsNullOrWhiteSpace(section.Value) ? null : section.Value.Trim();
    }

    private string? Text(IConfigurationSection parent, string key) => Scalar(parent.GetSection(key));

    private TimeSpan Duration(IConfigurationSection parent, string key, TimeSpan fallback) =>
        Value(parent, key, fallback, "a duration (write it like 30s, 1.5s, 2m, 1h or 00:00:30)", text => (DurationText.TryParse(text, out var v), v));

    private int Integer(IConfigurationSection parent, string key, int fallback) =>
        Value(parent, key, fallback, "a whole number", text => (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v), v));

    private long Integer(IConfigurationSection parent, string key, long fallback) =>
        Value(parent, key, fallback, "a whole number", text => (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v), v));

    private double Number(IConfigurationSection parent, string key, double fallback) =>
        Value(parent, key, fallback, "a number", text => (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v), v));

    /// <summary>A key's value read by <paramref name="parse"/>; the fallback when it is absent or unreadable
    /// (then with a problem saying it is not <paramref name="what"/>).</summary>
    private T Value<T>(IConfigurationSection parent, string key, T fallback, string what, Func<string, (bool Ok, T Value)> parse)
    {
        var section = parent.GetSection(key);
        if (Scalar(section) is not { } text)
        {
            return fallback;
        }

        var (ok, value) = parse(text);
        if (ok)
        {
            return value;
        }

        _problems.Add($"{section.Path}: '{text}' is not {what}");
        return fallback;
    }

    private DateTimeOffset? ParseInstant(IConfigurationSection section, string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= DateTimeOffset.MinValue.ToUnixTimeSeconds() && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        _problems.Add($"{section.Path}: '{text}' is not an instant (write ISO 8601 such as 2019-09-15T14:20:00Z, or epoch seconds)");
        return null;
    }

    /// <summary>The items of a list, in index order. Configuration lists are sections whose keys are 0, 1, 2...</summary>
    private List<IConfigurationSection> Items(IConfigurationSection parent, string key)
    {
        var list = parent.GetSection(key);
        if (!list.GetChildren().Any())
        {
            if (!string.IsNullOrWhiteSpace(list.Value))
            {
                _problems.Add($"{list.Path}: '{list.Value}' is a single value, but a list belongs here");
            }

            return [];
        }

        var items = new List<(int Index, IConfigurationSection Item)>();
        foreach (var child in list.GetChildren())
        {
            if (int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                items.Add((index, child));
            }
            else
            {
                _problems.Add($"{child.Path}: unknown key (list items are numbered 0, 1, 2...)");
            }
        }

        return items.OrderBy(i => i.Index).Select(i => i.Item).ToList();
    }

    /// <summary>A list of strings. A single value is a list of one, so that an environment variable can set
    /// a one-item list without an index.</summary>
    private List<string> Strings(IConfigurationSection parent, string key)
    {
        var list = parent.GetSection(key);
        if (!list.GetChildren().Any())
        {
            return string.IsNullOrWhiteSpace(list.Value) ? [] : [list.Value.Trim()];
        }

        return Items(parent, key).Select(item => Scalar(item) ?? string.Empty).ToList();
    }
}
