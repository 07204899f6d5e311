using Microsoft.Extensions.Options;
using TransitDash.Polling;

namespace TransitDash.Options;

/// <summary>Checks <see cref="TransitDashOptions"/> at start: each value, and the rules across fields of
/// CONFIG.md. Every problem is reported at once (with the reader's), each as
/// <c>key path: 'value' what is wrong</c>.</summary>
internal sealed class TransitDashOptionsValidator(IEnumerable<SourceRegistration> userSources) : IValidateOptions<TransitDashOptions>
{
    /// <summary>Names the built-in sources keep for themselves.</summary>
    private static readonly string[] BuiltInSources = [TransitDashSources.Subway, TransitDashSources.Citibike, TransitDashSources.Alerts];

    // The bounds Polly puts on its strategies' durations: outside them the pipeline could not be built.
    private static readonly TimeSpan ShortestAttemptTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan ShortestBreak = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestPipelineDuration = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, TransitDashOptions options)
    {
        var problems = new Problems(options.ConfigurationPath);
        problems.AddRange(options.BindingProblems);

        // Each poll interval of a source that is on, with the key that set it, for the rules across fields.
        var intervals = new List<(string Key, TimeSpan Interval)>();

        if (options.Subway is { } subway)
        {
            CheckSubway(problems, subway, intervals);
        }

        if (options.Alerts is { } alerts)
        {
            var enabled = options.AlertsEnabled;
            if (problems.Positive("Alerts:PollInterval", alerts.PollInterval) && enabled)
            {
                intervals.Add(("Alerts:PollInterval", alerts.PollInterval));
            }

            if (enabled)
            {
                problems.Location("Alerts:Url", alerts.Url);
            }
        }

        if (options.Citibike is { } citibike)
        {
            CheckCitibike(problems, citibike, intervals);
        }

        CheckUserSources(problems, intervals);
        CheckHealth(problems, options, intervals);

        problems.Positive("History:Retention", options.History.Retention);
        CheckResilience(problems, options.Resilience, intervals);

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Distinct());
    }

    private static void CheckSubway(Problems problems, SubwayOptions subway, List<(string Key, TimeSpan Interval)> intervals)
    {
        if (problems.Positive("Subway:PollInterval", subway.PollInterval))
        {
            intervals.Add(("Subway:PollInterval", subway.PollInterval));
        }

        if (subway.Feeds.Count == 0)
        {
            problems.Add("Subway:Feeds", "at least one feed is required when the Subway section is present");
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < subway.Feeds.Count; i++)
        {
            var feed = subway.Feeds[i];
            if (feed is null)
            {
                problems.Add($"Subway:Feeds:{i}", "a feed needs a Name and a Url");
                continue;
            }

            if (string.IsNullOrWhiteSpace(feed.Name))
            {
                problems.Add($"Subway:Feeds:{i}:Name", "a feed name is required");
            }
            else if (!seen.TryAdd(feed.Name, i))
            {
                problems.Add($"Subway:Feeds:{i}:Name", $"'{feed.Name}' is already the name of Subway:Feeds:{seen[feed.Name]}; feed names must be unique");
            }

            problems.Location($"Subway:Feeds:{i}:Url", feed.Url);
        }

        if (!string.IsNullOrWhiteSpace(subway.StaticGtfs))
        {
            problems.Location("Subway:StaticGtfs", subway.StaticGtfs);
        }

        if (subway.HorizonMinutes <= 0)
        {
            problems.Add("Subway:HorizonMinutes", $"'{subway.HorizonMinutes}' is not a positive number of minutes");
        }

        for (var i = 0; i < subway.Stations.Count; i++)
        {
            var station = subway.Stations[i];
            if (station is null || (string.IsNullOrWhiteSpace(station.Name) && station.StopIds.Count == 0))
            {
                problems.Add($"Subway:Stations:{i}", "a station needs a Name or StopIds");
                continue;
            }

            for (var j = 0; j < station.StopIds.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(station.StopIds[j]))
                {
                    problems.Add($"Subway:Stations:{i}:StopIds:{j}", "'' is not a stop id");
                }
            }
        }
    }

    private static void CheckCitibike(Problems problems, CitibikeOptions citibike, List<(string Key, TimeSpan Interval)> intervals)
    {
        if (problems.Positive("Citibike:PollInterval", citibike.PollInterval))
        {
            intervals.Add(("Citibike:PollInterval", citibike.PollInterval));
        }

        if (string.IsNullOrWhiteSpace(citibike.DiscoveryUrl))
        {
            problems.Add("Citibike:DiscoveryUrl", "required when the Citibike section is present");
        }
        else
        {
            problems.Location("Citibike:DiscoveryUrl", citibike.DiscoveryUrl);
        }

        if (string.IsNullOrWhiteSpace(citibike.Language))
        {
            problems.Add("Citibike:Language", "'' is not a language code");
        }

        for (var i = 0; i < citibike.Stations.Count; i++)
        {
            var station = citibike.Stations[i];
            if (station is null || (string.IsNullOrWhiteSpace(station.Id) && string.IsNullOrWhiteSpace(station.Name)))
            {
                problems.Add($"Citibike:Stations:{i}", "a bike station needs an Id or a Name");
            }
        }

        if (citibike.Near is { } near)
        {
            if (near.Lat is < -90 or > 90 || double.IsNaN(near.Lat))
            {
                problems.Add("Citibike:Near:Lat", $"'{near.Lat}' is not a latitude (-90 to 90)");
            }

            if (near.Lon is < -180 or > 180 || double.IsNaN(near.Lon))
            {
                problems.Add("Citibike:Near:Lon", $"'{near.Lon}' is not a longitude (-180 to 180)");
            }

            if (near.RadiusM < 0 || !double.IsFinite(near.RadiusM))
            {
                problems.Add("Citibike:Near:RadiusM", $"'{near.RadiusM}' is not a radius (0 or more meters; 0 is off)");
            }
        }
    }

    private void CheckUserSources(Problems problems, List<(string Key, TimeSpan Interval)> intervals)
    {
        var seen = new HashSet<string>(BuiltInSources, StringComparer.OrdinalIgnoreCase);
        foreach (var source in userSources)
        {
            if (!seen.Add(source.Name))
            {
                problems.AddUnrooted($"Source '{source.Name}': the name is already taken (by a built-in source or another AddSource call)");
            }

            intervals.Add(($"source '{source.Name}'", source.PollInterval));
        }
    }

    private static void CheckHealth(Problems problems, TransitDashOptions options, List<(string Key, TimeSpan Interval)> intervals)
    {
        var health = options.Health;
        var staleOk = problems.Positive("Health:StaleAfter", health.StaleAfter);
        var errorOk = problems.Positive("Health:ErrorAfter", health.ErrorAfter);

        if (staleOk && intervals.Count > 0)
        {
            var longest = intervals.MaxBy(i => i.Interval);
            if (health.StaleAfter <= longest.Interval)
            {
                problems.Add("Health:StaleAfter", $"'{DurationText.Format(health.StaleAfter)}' is not longer than the longest poll interval ('{DurationText.Format(longest.Interval)}', {longest.Key})");
            }
        }

        if (staleOk && errorOk && health.ErrorAfter <= health.StaleAfter)
        {
            problems.Add("Health:ErrorAfter", $"'{DurationText.Format(health.ErrorAfter)}' is not longer than Health:StaleAfter ('{DurationText.Format(health.StaleAfter)}')");
        }
    }

    private static void CheckResilience(Problems problems, ResilienceOptions resilience, List<(string Key, TimeSpan Interval)> intervals)
    {
        if (problems.Positive("Resilience:AttemptTimeout", resilience.AttemptTimeout))
        {
            var shortest = intervals.Count > 0 ? intervals.MinBy(i => i.Interval) : default;
            if (intervals.Count > 0 && resilience.AttemptTimeout > shortest.Interval)
            {
                problems.Add("Resilience:AttemptTimeout", $"'{DurationText.Format(resilience.AttemptTimeout)}' is longer than the shortest poll interval ('{DurationText.Format(shortest.Interval)}', {shortest.Key})");
            }
            else
            {
                problems.Within("Resilience:AttemptTimeout", resilience.AttemptTimeout, ShortestAttemptTimeout, LongestPipelineDuration);
            }
        }

        if (resilience.Retries < 0)
        {
            problems.Add("Resilience:Retries", $"'{resilience.Retries}' is not zero or more");
        }

        var delayOk = problems.Positive("Resilience:RetryDelay", resilience.RetryDelay);
        if (problems.Positive("Resilience:RetryMaxDelay", resilience.RetryMaxDelay) && delayOk && resilience.RetryMaxDelay < resilience.RetryDelay)
        {
            problems.Add("Resilience:RetryMaxDelay", $"'{DurationText.Format(resilience.RetryMaxDelay)}' is shorter than Resilience:RetryDelay ('{DurationText.Format(resilience.RetryDelay)}')");
        }

        if (resilience.BreakerFailures < 2)
        {
            problems.Add("Resilience:BreakerFailures", $"'{resilience.BreakerFailures}' is not a whole number of 2 or more (a circuit opens after a run of failed polls, at least two)");
        }

        if (problems.Positive("Resilience:BreakerDuration", resilience.BreakerDuration))
        {
            problems.Within("Resilience:BreakerDuration", resilience.BreakerDuration, ShortestBreak, LongestPipelineDuration);
        }

        if (!(resilience.MaxRequestsPerSecond > 0) || !double.IsFinite(resilience.MaxRequestsPerSecond))
        {
            problems.Add("Resilience:MaxRequestsPerSecond", $"'{resilience.MaxRequestsPerSecond}' is not a positive number");
        }

        if (resilience.MaxResponseBytes <= 0)
        {
            problems.Add("Resilience:MaxResponseBytes", $"'{resilience.MaxResponseBytes}' is not a positive number of bytes");
        }
    }

    /// <summary>The problems found so far, each prefixed with the configuration path of the key.</summary>
    private sealed class Problems(string root) : List<string>
    {
        public void Add(string key, string problem) => Add($"{Path(key)}: {problem}");

        public void AddUnrooted(string problem) => Add(problem);

        /// <summary>Checks a duration is positive; returns whether it is.</summary>
        public bool Positive(string key, TimeSpan value)
        {
            if (value > TimeSpan.Zero)
            {
                return true;
            }

            Add(key, $"'{DurationText.Format(value)}' is not a positive duration");
            return false;
        }

        /// <summary>Checks a duration is within bounds (both included).</summary>
        public void Within(string key, TimeSpan value, TimeSpan shortest, TimeSpan longest)
        {
            if (value < shortest || value > longest)
            {
                Add(key, $"'{DurationText.Format(value)}' is not between {DurationText.Format(shortest)} and {DurationText.Format(longest)}");
            }
        }

        /// <summary>Checks a feed location: an absolute http(s) URL, or a file or directory that exists
        /// (a <c>file://</c> URL or a path).</summary>
        public void Location(string key, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(key, "required: an absolute http(s) URL, a file:// URL or a local path");
                return;
            }

            if (!FeedLocation.IsValid(value))
            {
                Add(key, $"'{FeedLocation.Redact(value)}' is neither an absolute http(s) URL nor an existing file or directory");
            }
        }

        private string Path(string key) => root.Length == 0 ? key : root + ":" + key;
    }
}
