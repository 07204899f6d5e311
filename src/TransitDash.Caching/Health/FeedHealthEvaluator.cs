using System.Globalization;
using TransitDash.Options;
using TransitDash.Snapshots;

namespace TransitDash.Health;

/// <summary>Judges freshness: a pure function of snapshot metadata and the current time, with the rules of
/// <c>/api/health</c>. Data younger than <see cref="StaleAfter"/> with a successful last attempt is healthy;
/// from <see cref="StaleAfter"/> up to <see cref="ErrorAfter"/> with no failed attempt since, stale; at
/// <see cref="ErrorAfter"/> or older, never fetched, or after a failed attempt, error.</summary>
public sealed class FeedHealthEvaluator
{
    /// <summary>The short form of a time that never was.</summary>
    public const string Never = "never";

    /// <summary>Creates an evaluator.</summary>
    /// <param name="staleAfter">The age from which data is stale.</param>
    /// <param name="errorAfter">The age from which data is an error; longer than <paramref name="staleAfter"/>.</param>
    public FeedHealthEvaluator(TimeSpan staleAfter, TimeSpan errorAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(staleAfter, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(errorAfter, staleAfter);
        StaleAfter = staleAfter;
        ErrorAfter = errorAfter;
    }

    /// <summary>Creates an evaluator from the <c>Health</c> options.</summary>
    /// <param name="options">The thresholds.</param>
    public FeedHealthEvaluator(HealthOptions options)
        : this(options?.StaleAfter ?? throw new ArgumentNullException(nameof(options)), options.ErrorAfter)
    {
    }

    /// <summary>The age from which data is stale.</summary>
    public TimeSpan StaleAfter { get; }

    /// <summary>The age from which data is an error.</summary>
    public TimeSpan ErrorAfter { get; }

    /// <summary>The status of a source or a feed.</summary>
    /// <param name="figures">The snapshot metadata of a source, or one of its feeds' figures.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The status.</returns>
    public SourceHealthStatus GetStatus(AttemptFigures figures, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return Judge(figures, now).Status;
    }

    /// <summary>The health of a source, with its per-feed figures.</summary>
    /// <param name="metadata">The source's snapshot metadata.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The source's health.</returns>
    public SourceHealth Evaluate(SnapshotMetadata metadata, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var (status, reason) = Judge(metadata, now);
        return Fill(new SourceHealth(metadata.Source, status), reason, metadata, now) with
        {
            Age = now - metadata.LastSuccess,
            Version = metadata.Version,
            HasData = metadata.HasData,
            EntityCount = metadata.EntityCount,
            Warnings = metadata.Warnings,
            Feeds = metadata.Feeds.Select(feed => Evaluate(feed, now)).ToArray(),
        };
    }

    /// <summary>The health of one feed of a source.</summary>
    /// <param name="feed">The feed's figures.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The feed's health.</returns>
    public FeedHealth Evaluate(FeedMetadata feed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var (status, reason) = Judge(feed, now);
        return Fill(new FeedHealth(feed.Feed, status), reason, feed, now) with { LastStatusCode = feed.LastStatusCode };
    }

    /// <summary>The health of every source, and overall.</summary>
    /// <param name="sources">Each source's snapshot metadata.</param>
    /// <param name="now">The current time.</param>
    /// <param name="uptime">How long the library has been running.</param>
    /// <returns>The report.</returns>
    public HealthReport Evaluate(IEnumerable<SnapshotMetadata> sources, DateTimeOffset now, TimeSpan uptime)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var health = sources.Select(s => Evaluate(s, now)).ToArray();
        return new HealthReport(GetOverallStatus(health), now, uptime, health);
    }

    /// <summary>All sources together: healthy when every source is healthy, down when no source has any data,
    /// degraded otherwise. With no sources at all, healthy.</summary>
    /// <param name="sources">Each source's health.</param>
    /// <returns>The overall status.</returns>
    public static OverallHealthStatus GetOverallStatus(IReadOnlyCollection<SourceHealth> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.All(s => s.Status == SourceHealthStatus.Healthy))
        {
            return OverallHealthStatus.Healthy;
        }

        return sources.Any(s => s.HasData) ? OverallHealthStatus.Degraded : OverallHealthStatus.Down;
    }

    /// <summary>The short human form of how long ago something happened: "30s ago", "4m ago", "2h ago",
    /// "3d ago" (rounded down), or "never".</summary>
    /// <param name="time">The instant; null for never.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The text.</returns>
    public static string FormatLastUpdate(DateTimeOffset? time, DateTimeOffset now)
    {
        if (time is not { } then)
        {
            return Never;
        }

        // A clock that stepped back must not print a negative age.
        var age = now - then < TimeSpan.Zero ? TimeSpan.Zero : now - then;
        var (amount, unit) = age switch
        {
            { TotalMinutes: < 1 } => ((long)age.TotalSeconds, "s"),
            { TotalHours: < 1 } => ((long)age.TotalMinutes, "m"),
            { TotalDays: < 1 } => ((long)age.TotalHours, "h"),
            _ => ((long)age.TotalDays, "d"),
        };
        return amount.ToString(CultureInfo.InvariantCulture) + unit + " ago";
    }

    /// <summary>The members every kind of health shares.</summary>
    private static T Fill<T>(T health, string reason, AttemptFigures figures, DateTimeOffset now)
        where T : HealthFigures => (T)(health with
        {
            Reason = reason,
            LastUpdate = figures.LastSuccess,
            LastUpdateText = FormatLastUpdate(figures.LastSuccess, now),
            LastAttempt = figures.LastAttempt,
            FetchCount = figures.FetchCount,
            ErrorCount = figures.ErrorCount,
            ConsecutiveFailures = figures.ConsecutiveFailures,
            LastError = figures.LastError?.Message,
            LastErrorKind = figures.LastError?.Kind,
            LastDuration = figures.LastDuration,
            UpstreamAge = now - figures.UpstreamTime,
            Circuit = figures.Circuit?.StateAt(now),
        });

    private (SourceHealthStatus Status, string Reason) Judge(AttemptFigures figures, DateTimeOffset now)
    {
        if (figures.LastSuccess is not { } success)
        {
            return (SourceHealthStatus.Error, "never fetched successfully");
        }

        var age = now - success;
        var ageText = DurationText.Format(TimeSpan.FromSeconds(Math.Floor(Math.Max(age.TotalSeconds, 0))));
        if (figures.LastAttemptFailed)
        {
            return (SourceHealthStatus.Error, $"the last attempt failed; data is {ageText} old");
        }

        if (age >= ErrorAfter)
        {
            return (SourceHealthStatus.Error, $"data is {ageText} old (error after {DurationText.Format(ErrorAfter)})");
        }

        if (age >= StaleAfter)
        {
            return (SourceHealthStatus.Stale, $"data is {ageText} old (stale after {DurationText.Format(StaleAfter)}) and no attempt has completed since");
        }

        return (SourceHealthStatus.Healthy, $"data is {ageText} old");
    }
}
