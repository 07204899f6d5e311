using Google.Protobuf;
using TransitDash.Feeds.GtfsRealtime.Wire;
using TransitDash.Feeds.GtfsRealtime.Wire.Mercury;

namespace TransitDash.Simulator;

/// <summary>A simulated MTA alerts feed (Mercury extension): a delay on one of the configured lines
/// that comes and goes every twenty minutes, and a standing planned-work notice.</summary>
internal sealed class AlertSystem(IReadOnlyList<string> lines)
{
    public byte[] Feed(DateTimeOffset now)
    {
        var header = new FeedHeader
        {
            GtfsRealtimeVersion = "1.0",
            Incrementality = FeedHeader.Types.Incrementality.FullDataset,
            Timestamp = (ulong)now.ToUnixTimeSeconds(),
        };
        header.SetExtension(MercuryExtensions.MercuryFeedHeader, new MercuryFeedHeader { MercuryVersion = "1.0" });
        var message = new FeedMessage { Header = header };
        if (lines.Count == 0)
        {
            return message.ToByteArray();
        }

        var slot = now.ToUnixTimeSeconds() / 1200;
        if (slot % 2 == 0)
        {
            var line = lines[(int)(slot / 2 % lines.Count)];
            var start = DateTimeOffset.FromUnixTimeSeconds(slot * 1200);
            message.Entity.Add(Entity(
                $"lmm:alert:{slot}",
                line,
                "Delays",
                $"[{line}] trains are running with delays while crews respond to a signal problem",
                "Expect longer waits. Allow additional travel time.",
                start,
                start + TimeSpan.FromMinutes(20),
                Alert.Types.Cause.TechnicalProblem,
                Alert.Types.Effect.SignificantDelays));
        }

        var weekly = lines[^1];
        var weekStart = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / 604800 * 604800);
        message.Entity.Add(Entity(
            "lmm:planned_work:1",
            weekly,
            "Planned - Stations Skipped",
            $"[{weekly}] some late-night trains skip stations for track maintenance",
            "Ride to the next stop and transfer to a train in the opposite direction.",
            weekStart,
            weekStart + TimeSpan.FromDays(7),
            Alert.Types.Cause.Maintenance,
            Alert.Types.Effect.ModifiedService));
        return message.ToByteArray();
    }

    private static FeedEntity Entity(
        string id, string line, string alertType, string header, string description,
        DateTimeOffset start, DateTimeOffset end, Alert.Types.Cause cause, Alert.Types.Effect effect)
    {
        var alert = new Alert
        {
            Cause = cause,
            Effect = effect,
            HeaderText = Text(header),
            DescriptionText = Text(description),
        };
        alert.ActivePeriod.Add(new TimeRange { Start = (ulong)start.ToUnixTimeSeconds(), End = (ulong)end.ToUnixTimeSeconds() });
        alert.InformedEntity.Add(new EntitySelector { AgencyId = "MTASBWY", RouteId = line });
        alert.SetExtension(MercuryExtensions.MercuryAlert, new MercuryAlert
        {
            AlertType = alertType,
            CreatedAt = (ulong)start.ToUnixTimeSeconds(),
            UpdatedAt = (ulong)start.ToUnixTimeSeconds(),
            HumanReadableActivePeriod = Text($"{start:MMM d, h:mm tt} to {end:MMM d, h:mm tt}"),
        });
        return new FeedEntity { Id = id, Alert = alert };
    }

    private static TranslatedString Text(string english)
    {
        var text = new TranslatedString();
        text.Translation.Add(new TranslatedString.Types.Translation { Text = english, Language = "en" });
        return text;
    }
}
