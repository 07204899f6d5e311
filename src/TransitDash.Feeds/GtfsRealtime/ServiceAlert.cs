namespace TransitDash.Feeds.GtfsRealtime;

/// <summary>A service alert, with text in the chosen language (falling back as the parser's options say)
/// and the MTA Mercury extension's fields where the producer sends them.</summary>
/// <param name="Id">The entity's <c>id</c>.</param>
/// <param name="Cause">The alert's cause.</param>
/// <param name="Effect">The alert's effect.</param>
/// <param name="ActivePeriods">When the alert is in force; empty means always.</param>
/// <param name="InformedEntities">Every informed entity as sent.</param>
/// <param name="Header">The header text; null when absent.</param>
/// <param name="Description">The description text; null when absent.</param>
/// <param name="Url">The URL text; null when absent.</param>
/// <param name="AlertType">Mercury <c>alert_type</c> (for example "Delays"); null without the extension.</param>
/// <param name="ActivePeriodText">Mercury human-readable active period; null without the extension.</param>
public sealed record ServiceAlert(
    string Id,
    AlertCause Cause,
    AlertEffect Effect,
    IReadOnlyList<AlertActivePeriod> ActivePeriods,
    IReadOnlyList<InformedEntity> InformedEntities,
    string? Header,
    string? Description,
    string? Url,
    string? AlertType,
    string? ActivePeriodText)
{
    /// <summary>The distinct route ids the alert informs, in first-seen order.</summary>
    public IReadOnlyList<string> InformedRoutes => InformedEntities.Where(e => e.RouteId is not null).Select(e => e.RouteId!).Distinct().ToArray();

    /// <summary>The distinct stop ids the alert informs, in first-seen order.</summary>
    public IReadOnlyList<string> InformedStops => InformedEntities.Where(e => e.StopId is not null).Select(e => e.StopId!).Distinct().ToArray();

    /// <summary>The trips the alert informs.</summary>
    public IReadOnlyList<TripDescriptor> InformedTrips => InformedEntities.Where(e => e.Trip is not null).Select(e => e.Trip!).ToArray();

    /// <summary>Whether the alert is in force at <paramref name="now"/>: no periods, or one that contains it.</summary>
    /// <param name="now">The instant to test.</param>
    /// <returns>True when active.</returns>
    public bool IsActiveAt(DateTimeOffset now) =>
        ActivePeriods.Count == 0 || ActivePeriods.Any(p => (p.Start is null || p.Start <= now) && (p.End is null || now < p.End));
}
