using Google.Protobuf;
using TransitDash.Feeds.GtfsRealtime;
using TransitDash.Feeds.GtfsRealtime.Wire.Mercury;
using TransitDash.Testing;
using Wire = TransitDash.Feeds.GtfsRealtime.Wire;

namespace TransitDash.Feeds.Tests.GtfsRealtime;

/// <summary>Feeds built here with the generated wire types: an MTA alert feed with the Mercury
/// extension (no recording of one exists) and another agency's feed with no extension at all.</summary>
public sealed partial class GtfsRealtimeParserTests
{
    private const long AlertStart = 1_759_400_000;
    private const long AlertEnd = 1_759_486_400;

    [Fact]
    public void ParseAlertFeed_MercuryFeed_ReadsAlertTypeAndActivePeriodText()
    {
        var feed = GtfsRealtimeParser.ParseAlertFeed("alerts", MercuryAlertFeed());

        Assert.Equal("2.0", feed.GtfsRealtimeVersion);
        Assert.Null(feed.NyctSubwayVersion);
        Assert.False(feed.HasNyctExtension);
        var alert = Assert.Single(feed.Alerts);
        Assert.Equal("lmm:planned_work:1234", alert.Id);
        Assert.Equal("Planned - Part Suspended", alert.AlertType);
        Assert.Equal("Weekends, Oct 4 - 5", alert.ActivePeriodText);
        Assert.Equal(AlertCause.Construction, alert.Cause);
        Assert.Equal(AlertEffect.ReducedService, alert.Effect);
        Assert.Equal(
            [new AlertActivePeriod(DateTimeOffset.FromUnixTimeSeconds(AlertStart), DateTimeOffset.FromUnixTimeSeconds(AlertEnd))],
            alert.ActivePeriods);
        Assert.Equal(["G"], alert.InformedRoutes);
        Assert.Equal(["G22"], alert.InformedStops);
        Assert.Equal("MTASBWY", alert.InformedEntities[0].AgencyId);
    }

    [Fact]
    public void ParseAlertFeed_DefaultLanguage_PicksEnglishOverOtherTranslations()
    {
        var alert = Assert.Single(GtfsRealtimeParser.ParseAlertFeed("alerts", MercuryAlertFeed()).Alerts);

        Assert.Equal("No [G] between Court Sq and Bedford-Nostrand Avs", alert.Header);
        Assert.Equal("https://new.mta.info/planned-work", alert.Url);
    }

    [Fact]
    public void ParseAlertFeed_LanguageMissing_FallsBackToTranslationWithoutLanguage()
    {
        var options = new GtfsRealtimeParserOptions { Language = "fr" };

        var alert = Assert.Single(GtfsRealtimeParser.ParseAlertFeed("alerts", MercuryAlertFeed(), options).Alerts);

        Assert.Equal("No G trains between Court Sq and Bedford-Nostrand Avs", alert.Header);
        Assert.Equal("Weekends, Oct 4 - 5", alert.ActivePeriodText);
    }

    [Fact]
    public void ParseAlertFeed_NoTranslationInLanguageOrWithoutLanguage_TakesFirst()
    {
        // The description has only "es" and "en-html" translations; neither matches "en" exactly.
        var alert = Assert.Single(GtfsRealtimeParser.ParseAlertFeed("alerts", MercuryAlertFeed()).Alerts);

        Assert.Equal("Tome el autobús lanzadera.", alert.Description);
    }

    [Fact]
    public void ParseAlertFeed_OtherLanguageChosen_PicksThatTranslation()
    {
        var options = new GtfsRealtimeParserOptions { Language = "ES" };

        var alert = Assert.Single(GtfsRealtimeParser.ParseAlertFeed("alerts", MercuryAlertFeed(), options).Alerts);

        Assert.Equal("No hay trenes G entre Court Sq y Bedford-Nostrand Avs", alert.Header);
        Assert.Equal("Fines de semana, 4 - 5 oct", alert.ActivePeriodText);
    }

    [Fact]
    public void ParseTripFeed_MercuryAlertFeed_ReadsStandardMembersWithoutMercury()
    {
        var feed = GtfsRealtimeParser.ParseTripFeed("alerts", MercuryAlertFeed());

        var alert = Assert.Single(feed.Alerts);
        Assert.Equal("No [G] between Court Sq and Bedford-Nostrand Avs", alert.Header);
        Assert.Null(alert.AlertType);
        Assert.Null(alert.ActivePeriodText);
        Assert.Equal(["G"], alert.InformedRoutes);
    }

    [Fact]
    public void ParseAlertFeed_NyctTripFeed_ReadsTripsWithoutNyctMembers()
    {
        var feed = GtfsRealtimeParser.ParseAlertFeed("1234567S", Fixtures.Bytes("mta/gtfs-1234567s-20211126T205625Z.pb"));

        Assert.Equal(285, feed.TripUpdates.Count);
        Assert.Null(feed.NyctSubwayVersion);
        Assert.All(feed.TripUpdates, t => Assert.False(t.Trip.HasNyctExtension));
        Assert.All(feed.TripUpdates, t => Assert.Null(t.Trip.TrainId));
        Assert.All(feed.TripUpdates.SelectMany(t => t.StopTimeUpdates), s => Assert.Null(s.ScheduledTrack));
        Assert.Equal("Train delayed", Assert.Single(feed.Alerts).Header);
    }

    [Fact]
    public void ParseTripFeed_FeedWithoutExtensions_LeavesNyctMembersNull()
    {
        var feed = GtfsRealtimeParser.ParseTripFeed("bus", PlainAgencyFeed());

        Assert.Null(feed.NyctSubwayVersion);
        Assert.False(feed.HasNyctExtension);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), feed.HeaderTime);

        var update = Assert.Single(feed.TripUpdates);
        Assert.Equal("bus-trip-1", update.Trip.TripId);
        Assert.Equal(1u, update.Trip.DirectionId);
        Assert.Equal(TripScheduleRelationship.Added, update.Trip.ScheduleRelationship);
        Assert.False(update.Trip.HasNyctExtension);
        Assert.Null(update.Trip.TrainId);
        Assert.Null(update.Trip.IsAssigned);
        Assert.Null(update.Trip.NyctDirection);
        Assert.Equal("bus-42", update.VehicleId);
        Assert.Equal(-30, update.Delay);
        var stop = Assert.Single(update.StopTimeUpdates);
        Assert.Equal(7u, stop.StopSequence);
        Assert.Equal(120, stop.ArrivalDelay);
        Assert.Equal(StopScheduleRelationship.Skipped, stop.ScheduleRelationship);
        Assert.Null(stop.ScheduledTrack);
        Assert.Null(stop.ActualTrack);

        var vehicle = Assert.Single(feed.VehiclePositions);
        Assert.Equal(40.5f, (float)vehicle.Latitude!.Value);
        Assert.Equal(-73.25f, (float)vehicle.Longitude!.Value);
        Assert.Equal(90f, vehicle.Bearing);
        Assert.Equal("Bus 42", vehicle.VehicleLabel);
        Assert.Equal(OccupancyStatus.FewSeatsAvailable, vehicle.OccupancyStatus);
        Assert.Equal(VehicleStopStatus.InTransitTo, vehicle.CurrentStatus);
        Assert.False(vehicle.Trip!.HasNyctExtension);
    }

    [Fact]
    public void ParseTripFeed_DeletedEntity_IsLeftOut()
    {
        var message = Wire.FeedMessage.Parser.ParseFrom(PlainAgencyFeed());
        message.Entity[0].IsDeleted = true;

        var feed = GtfsRealtimeParser.ParseTripFeed("bus", message.ToByteArray());

        Assert.Empty(feed.TripUpdates);
        Assert.Single(feed.VehiclePositions);
    }

    private static byte[] MercuryAlertFeed()
    {
        var header = new Wire.FeedHeader { GtfsRealtimeVersion = "2.0", Timestamp = AlertStart };
        header.SetExtension(MercuryExtensions.MercuryFeedHeader, new MercuryFeedHeader { MercuryVersion = "1.0" });

        var route = new Wire.EntitySelector { AgencyId = "MTASBWY", RouteId = "G" };
        route.SetExtension(MercuryExtensions.MercuryEntitySelector, new MercuryEntitySelector { SortOrder = "MTASBWY:G:30" });

        var alert = new Wire.Alert
        {
            Cause = Wire.Alert.Types.Cause.Construction,
            Effect = Wire.Alert.Types.Effect.ReducedService,
            ActivePeriod = { new Wire.TimeRange { Start = AlertStart, End = AlertEnd } },
            InformedEntity = { route, new Wire.EntitySelector { AgencyId = "MTASBWY", StopId = "G22" } },
            HeaderText = Text(
                ("No G trains between Court Sq and Bedford-Nostrand Avs", null),
                ("No hay trenes G entre Court Sq y Bedford-Nostrand Avs", "es"),
                ("No [G] between Court Sq and Bedford-Nostrand Avs", "en"),
                ("<p>No [G] between Court Sq and Bedford-Nostrand Avs</p>", "en-html")),
            DescriptionText = Text(("Tome el autobús lanzadera.", "es"), ("<p>Take the shuttle bus.</p>", "en-html")),
            Url = Text(("https://new.mta.info/planned-work", "en")),
        };
        alert.SetExtension(MercuryExtensions.MercuryAlert, new MercuryAlert
        {
            CreatedAt = AlertStart - 86_400,
            UpdatedAt = AlertStart - 3_600,
            AlertType = "Planned - Part Suspended",
            HumanReadableActivePeriod = Text(("Weekends, Oct 4 - 5", null), ("Fines de semana, 4 - 5 oct", "es")),
        });

        return new Wire.FeedMessage
        {
            Header = header,
            Entity = { new Wire.FeedEntity { Id = "lmm:planned_work:1234", Alert = alert } },
        }.ToByteArray();
    }

    private static byte[] PlainAgencyFeed() => new Wire.FeedMessage
    {
        Header = new Wire.FeedHeader { GtfsRealtimeVersion = "2.0", Timestamp = 1_700_000_000 },
        Entity =
        {
            new Wire.FeedEntity
            {
                Id = "tu-1",
                TripUpdate = new Wire.TripUpdate
                {
                    Trip = new Wire.TripDescriptor
                    {
                        TripId = "bus-trip-1",
                        RouteId = "B63",
                        DirectionId = 1,
                        ScheduleRelationship = Wire.TripDescriptor.Types.ScheduleRelationship.Added,
                    },
                    Vehicle = new Wire.VehicleDescriptor { Id = "bus-42" },
                    Delay = -30,
                    StopTimeUpdate =
                    {
                        new Wire.TripUpdate.Types.StopTimeUpdate
                        {
                            StopSequence = 7,
                            StopId = "305423",
                            Arrival = new Wire.TripUpdate.Types.StopTimeEvent { Delay = 120 },
                            ScheduleRelationship = Wire.TripUpdate.Types.StopTimeUpdate.Types.ScheduleRelationship.Skipped,
                        },
                    },
                },
            },
            new Wire.FeedEntity
            {
                Id = "vp-1",
                Vehicle = new Wire.VehiclePosition
                {
                    Trip = new Wire.TripDescriptor { TripId = "bus-trip-1" },
                    Vehicle = new Wire.VehicleDescriptor { Id = "bus-42", Label = "Bus 42" },
                    Position = new Wire.Position { Latitude = 40.5f, Longitude = -73.25f, Bearing = 90f },
                    CurrentStatus = Wire.VehiclePosition.Types.VehicleStopStatus.InTransitTo,
                    OccupancyStatus = Wire.VehiclePosition.Types.OccupancyStatus.FewSeatsAvailable,
                },
            },
        },
    }.ToByteArray();

    private static Wire.TranslatedString Text(params (string Text, string? Language)[] translations)
    {
        var text = new Wire.TranslatedString();
        foreach (var (value, language) in translations)
        {
            var translation = new Wire.TranslatedString.Types.Translation { Text = value };
            if (language is not null)
            {
                translation.Language = language;
            }

            text.Translation.Add(translation);
        }

        return text;
    }
}
