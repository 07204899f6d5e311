namespace TransitDash.Health;

/// <summary>How fresh one source (or one feed) is. Named apart from
/// <c>Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus</c>, which means something else.</summary>
public enum SourceHealthStatus
{
    /// <summary>The last successful update is younger than <c>StaleAfter</c> and the most recent attempt succeeded.</summary>
    Healthy = 0,

    /// <summary>The data is from <c>StaleAfter</c> to <c>ErrorAfter</c> old and no attempt has failed since:
    /// the poller stopped or a fetch is hanging.</summary>
    Stale,

    /// <summary>The data is <c>ErrorAfter</c> old or older, there has never been a successful update, or the
    /// most recent attempt failed.</summary>
    Error,
}
