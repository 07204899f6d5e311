namespace TransitDash.Options;

/// <summary>Everything TransitDash.Caching reads from the <c>TransitDash</c> configuration section. A source
/// whose section is absent is off. Bound and validated at start: a bad value stops the host with one message
/// naming every problem.</summary>
public sealed class TransitDashOptions
{
    /// <summary>The conventional configuration section: <c>TransitDash</c>.</summary>
    public const string SectionName = "TransitDash";

    /// <summary>The subway's GTFS-Realtime feeds and stations.</summary>
    /// <value>Defaults to null: the subway is not polled.</value>
    public SubwayOptions? Subway { get; set; }

    /// <summary>The service alert feed.</summary>
    /// <value>Defaults to null: alerts are not polled (also when <see cref="AlertsOptions.Url"/> is empty).</value>
    public AlertsOptions? Alerts { get; set; }

    /// <summary>The bike share system (GBFS) and stations.</summary>
    /// <value>Defaults to null: bikes are not polled.</value>
    public CitibikeOptions? Citibike { get; set; }

    /// <summary>When a source counts as stale and as failed.</summary>
    public HealthOptions Health { get; set; } = new();

    /// <summary>How long health samples are kept.</summary>
    public HistoryOptions History { get; set; } = new();

    /// <summary>How each feed's requests are timed out, retried and limited.</summary>
    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>When set, the registered <see cref="TimeProvider"/> starts at this instant and advances in
    /// real time: recordings taken at that time replay as if live. Configured as ISO 8601 or epoch seconds.</summary>
    /// <value>Defaults to null: the system clock.</value>
    public DateTimeOffset? ClockStart { get; set; }

    /// <summary>The configuration path that problems are reported under.</summary>
    internal string ConfigurationPath { get; set; } = SectionName;

    /// <summary>Problems found while reading configuration (unknown keys, unreadable values), reported
    /// together with the validator's at start.</summary>
    internal List<string> BindingProblems { get; } = [];

    /// <summary>True when alerts are polled: the section is present and its URL is not empty.</summary>
    internal bool AlertsEnabled => !string.IsNullOrWhiteSpace(Alerts?.Url);
}
