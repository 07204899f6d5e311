using TransitDash.Feeds.GtfsRealtime.Wire;
using TransitDash.Feeds.GtfsRealtime.Wire.Mercury;

namespace TransitDash.Feeds.GtfsRealtime.Internal;

internal sealed partial class FeedMessageMapper
{
    private ServiceAlert MapAlert(string entityId, Alert alert)
    {
        var periods = NewArray<AlertActivePeriod>(alert.ActivePeriod.Count);
        for (var i = 0; i < periods.Length; i++)
        {
            var period = alert.ActivePeriod[i];
            periods[i] = new AlertActivePeriod(
                period.HasStart ? Time(period.Start, "active period start") : null,
                period.HasEnd ? Time(period.End, "active period end") : null);
        }

        var informed = NewArray<InformedEntity>(alert.InformedEntity.Count);
        for (var i = 0; i < informed.Length; i++)
        {
            var selector = alert.InformedEntity[i];
            informed[i] = new InformedEntity(
                selector.HasAgencyId ? selector.AgencyId : null,
                selector.HasRouteId ? selector.RouteId : null,
                selector.HasRouteType ? selector.RouteType : null,
                selector.HasDirectionId ? selector.DirectionId : null,
                selector.Trip is { } trip ? MapTrip(trip) : null,
                selector.HasStopId ? selector.StopId : null);
        }

        string? alertType = null, activePeriodText = null;
        if (dialect == FeedDialect.MercuryAlerts && alert.HasExtension(MercuryExtensions.MercuryAlert))
        {
            var mercury = alert.GetExtension(MercuryExtensions.MercuryAlert);
            alertType = mercury.HasAlertType ? mercury.AlertType : null;
            activePeriodText = PickText(mercury.HumanReadableActivePeriod);
        }

        return new ServiceAlert(
            entityId,
            ToAlertCause(alert.Cause),
            ToAlertEffect(alert.Effect),
            periods,
            informed,
            PickText(alert.HeaderText),
            PickText(alert.DescriptionText),
            PickText(alert.Url),
            alertType,
            activePeriodText);
    }

    // The chosen language's translation wins; else the one without a language; else the first.
    private string? PickText(TranslatedString? text)
    {
        if (text is null || text.Translation.Count == 0)
        {
            return null;
        }

        TranslatedString.Types.Translation? inLanguage = null, withoutLanguage = null;
        foreach (var translation in text.Translation)
        {
            if (!translation.HasText)
            {
                throw EntityProblem("a translation lacks required text");
            }

            if (!translation.HasLanguage || translation.Language.Length == 0)
            {
                withoutLanguage ??= translation;
            }
            else if (string.Equals(translation.Language, language, StringComparison.OrdinalIgnoreCase))
            {
                inLanguage ??= translation;
            }
        }

        return (inLanguage ?? withoutLanguage ?? text.Translation[0]).Text;
    }
}
