using System.Globalization;

namespace TransitDash.Hosting.Rendering;

/// <summary>The error bodies of the data endpoints that a host without HTTP (the console's --json) writes too.</summary>
public static class ProblemView
{
    /// <summary>The problem type of a 503 (RFC 9110, 15.6.4).</summary>
    public const string ServiceUnavailableType = "https://tools.ietf.org/html/rfc9110#section-15.6.4";

    /// <summary>The problem type of a 404 (RFC 9110, 15.5.5).</summary>
    public const string NotFoundType = "https://tools.ietf.org/html/rfc9110#section-15.5.5";

    /// <summary>The <c>Retry-After</c> seconds that go with <see cref="NoData"/>.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The 503 body of a source that has no data yet.</summary>
    /// <param name="source">The source's name.</param>
    /// <param name="lastError">The message of its last failed attempt; null when none has ended.</param>
    public static NoDataResponse NoData(string source, string? lastError)
    {
        var error = lastError is null
            ? string.Create(CultureInfo.InvariantCulture, $"No {source} data yet: the first fetch has not completed.")
            : string.Create(CultureInfo.InvariantCulture, $"No {source} data yet: {lastError}");
        return new NoDataResponse(ServiceUnavailableType, "No data yet", 503, error, false, error, [], null, null);
    }

    /// <summary>The 404 body of <c>/api/alerts</c> when no alerts feed is configured.</summary>
    public static ProblemResponse AlertsOff() =>
        new(NotFoundType, "Alerts are off", 404, "No alerts feed is configured (TransitDash:Alerts:Url).");
}
