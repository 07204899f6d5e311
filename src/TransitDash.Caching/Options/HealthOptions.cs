namespace TransitDash.Options;

/// <summary>The freshness thresholds of every source's health.</summary>
public sealed class HealthOptions
{
    /// <summary>Data this old (or older) is stale. Must be longer than the longest poll interval.</summary>
    /// <value>Defaults to 90 seconds.</value>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Data this old (or older) is an error. Must be longer than <see cref="StaleAfter"/>.</summary>
    /// <value>Defaults to 180 seconds.</value>
    public TimeSpan ErrorAfter { get; set; } = TimeSpan.FromSeconds(180);
}
