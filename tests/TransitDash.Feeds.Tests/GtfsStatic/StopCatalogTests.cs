using System.IO.Compression;
using System.Text;
using TransitDash.Feeds.GtfsStatic;
using TransitDash.Testing;

namespace TransitDash.Feeds.Tests.GtfsStatic;

public sealed class StopCatalogTests
{
    private static StopCatalog Parse(string text) => StopCatalog.ParseStopsTxt(new StringReader(text));

    private static string? Name(StopCatalog catalog, string stopId) => catalog.TryGetStationName(stopId, out var name) ? name : null;

    [Theory]
    [InlineData("142N", "South Ferry")]
    [InlineData("142", "South Ferry")]
    [InlineData("419N", "Wall St")]
    [InlineData("230S", "Wall St")]
    [InlineData("R27", "Whitehall St-South Ferry")]
    [InlineData("R27N", "Whitehall St-South Ferry")]
    [InlineData("M23", "Broad St")]
    [InlineData("140N", "South Ferry Loop")]
    [InlineData("H19N", "Broad Channel")]
    public void Load_RecordedStopsTxt_ResolvesStationNames(string stopId, string expected)
    {
        var catalog = StopCatalog.Load(Fixtures.Path("gtfs-static/stops.txt"));

        Assert.Equal(expected, Name(catalog, stopId));
    }

    [Fact]
    public void Load_RecordedStopsTxt_HasEveryRowAndNoFeedOnlyIds()
    {
        var catalog = StopCatalog.Load(Fixtures.Path("gtfs-static/stops.txt"));

        Assert.Equal(1497, catalog.Count);
        // Recorded feeds use these; no static file has them.
        Assert.Null(Name(catalog, "A62S"));
        Assert.Null(Name(catalog, "R60N"));
    }

    [Fact]
    public void ParseStopsTxt_PlatformWithOwnName_TakesItsParentStationsName()
    {
        var catalog = Parse("""
            stop_id,stop_name,location_type,parent_station
            635,14 St-Union Sq,1,
            635N,14 St (uptown platform),0,635
            L03,Union Sq,1,
            """);

        Assert.Equal("14 St-Union Sq", Name(catalog, "635N"));
        Assert.Equal("14 St-Union Sq", Name(catalog, "635"));
        Assert.Equal("Union Sq", Name(catalog, "L03"));
    }

    [Fact]
    public void ParseStopsTxt_BoardingAreaOfAPlatform_TakesTheStationAtTheTopOfTheChain()
    {
        var catalog = Parse("stop_id,stop_name,parent_station\nS,Station,\nP,Platform,S\nB,,P\n");

        Assert.Equal("Station", Name(catalog, "B"));
    }

    [Fact]
    public void ParseStopsTxt_ParentMissingOrNameless_FallsBackToTheStopsOwnName()
    {
        var catalog = Parse("stop_id,stop_name,parent_station\nP1,Platform One,GONE\nS2,,\nP2,Platform Two,S2\nN,,\n");

        Assert.Equal("Platform One", Name(catalog, "P1"));
        Assert.Equal("Platform Two", Name(catalog, "P2"));
        Assert.Null(Name(catalog, "S2"));
        Assert.Null(Name(catalog, "N"));
    }

    [Fact]
    public void ParseStopsTxt_ParentCycle_DoesNotHang()
    {
        var catalog = Parse("stop_id,stop_name,parent_station\nA,Alpha,B\nB,Beta,A\n");

        Assert.NotNull(Name(catalog, "A"));
    }

    [Fact]
    public void ParseStopsTxt_QuotedFields_KeepCommasQuotesAndLineBreaks()
    {
        var catalog = Parse(
            "stop_id,stop_name,stop_desc,parent_station\r\n" +
            "\"A\",\"Times Sq, 42 St\",\"desc\",\r\n" +
            "B,\"The \"\"Loop\"\"\",,\r\n" +
            "C,\"Two\r\nLines\",\"a, \"\"b\"\"\nc\",\r\n" +
            "D,Plain,,\"A\"\r\n");

        Assert.Equal("Times Sq, 42 St", Name(catalog, "A"));
        Assert.Equal("The \"Loop\"", Name(catalog, "B"));
        Assert.Equal("Two\r\nLines", Name(catalog, "C"));
        Assert.Equal("Times Sq, 42 St", Name(catalog, "D"));
        Assert.Equal(4, catalog.Count);
    }

    [Fact]
    public void ParseStopsTxt_ByteOrderMarkAndCrLf_Read()
    {
        var catalog = Parse("\uFEFFstop_id,stop_name\r\n419,Wall St\r\n\r\n420,Bowling Green");

        Assert.Equal("Wall St", Name(catalog, "419"));
        Assert.Equal("Bowling Green", Name(catalog, "420"));
    }

    [Fact]
    public void ParseStopsTxt_ColumnsInAnyOrderWithoutOptionalOnes_Read()
    {
        var catalog = Parse("stop_lat,parent_station,stop_name,zone_id,stop_id\n40.7,,Wall St,,419\n40.7,419,Wall St N,,419N\n");

        Assert.Equal("Wall St", Name(catalog, "419N"));
        Assert.Equal("Wall St", Name(Parse(" stop_name , STOP_ID \nWall St,419\n"), "419"));
    }

    [Fact]
    public void ParseStopsTxt_ShortRowsAndBlankIds_ReadAsEmptyAndSkipped()
    {
        var catalog = Parse("stop_id,stop_code,stop_name,parent_station\n419,,Wall St\n,,No Id,\n420\n");

        Assert.Equal("Wall St", Name(catalog, "419"));
        Assert.Null(Name(catalog, "420"));
        Assert.Equal(2, catalog.Count);
    }

    [Fact]
    public void ParseStopsTxt_RepeatedStopId_FirstRowWins()
    {
        var catalog = Parse("stop_id,stop_name\n419,Wall St\n419,Somewhere Else\n");

        Assert.Equal("Wall St", Name(catalog, "419"));
        Assert.Equal(1, catalog.Count);
    }

    [Theory]
    [InlineData("stop_id,stop_code\n419,x\n", "'stop_name' column")]
    [InlineData("stop_name,stop_code\nWall St,x\n", "'stop_id' column")]
    [InlineData("route_id,route_short_name\n4,4\n", "'stop_id' and 'stop_name' columns")]
    [InlineData("", "empty")]
    [InlineData("\r\n\r\n", "empty")]
    public void ParseStopsTxt_MissingColumns_FormatExceptionNamingThem(string text, string named)
    {
        var error = Assert.Throws<FormatException>(() => Parse(text));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseStopsTxt_UnterminatedQuote_FormatExceptionNamingTheLine()
    {
        var error = Assert.Throws<FormatException>(() => Parse("stop_id,stop_name\n419,Wall St\n420,\"Bowling\nGreen\n"));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetStationName_UnknownIds_FalseNeverThrows()
    {
        var catalog = Parse("stop_id,stop_name\n419,Wall St\n");

        Assert.False(catalog.TryGetStationName("X22N", out var name));
        Assert.Null(name);
        Assert.False(catalog.TryGetStationName(string.Empty, out _));
        Assert.False(StopCatalog.Empty.TryGetStationName("419", out _));
        Assert.Equal(0, StopCatalog.Empty.Count);
    }

    [Theory]
    [InlineData("stops.txt")]
    [InlineData("google_transit/stops.txt")]
    public void ParseGtfsZip_StopsTxtAtRootOrInOneFolder_Read(string entryName)
    {
        using var zip = Zip(("agency.txt", "agency_id\nMTA NYCT\n"), (entryName, "\uFEFFstop_id,stop_name\n419,Wall St\n"));

        Assert.Equal("Wall St", Name(StopCatalog.ParseGtfsZip(zip), "419"));
    }

    [Fact]
    public void ParseGtfsZip_RootAndFolderCopies_RootWins()
    {
        using var zip = Zip(("old/stops.txt", "stop_id,stop_name\n419,Old Name\n"), ("stops.txt", "stop_id,stop_name\n419,Wall St\n"));

        Assert.Equal("Wall St", Name(StopCatalog.ParseGtfsZip(zip), "419"));
    }

    [Fact]
    public void ParseGtfsZip_NoStopsTxt_FormatExceptionNamingIt()
    {
        using var zip = Zip(("routes.txt", "route_id\n4\n"), ("a/b/stops.txt", "stop_id,stop_name\n419,Wall St\n"));

        var error = Assert.Throws<FormatException>(() => StopCatalog.ParseGtfsZip(zip));

        Assert.Contains("no stops.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseGtfsZip_StopsTxtInSeveralFolders_FormatExceptionNamingThem()
    {
        using var zip = Zip(("a/stops.txt", "stop_id,stop_name\n"), ("b/stops.txt", "stop_id,stop_name\n"));

        var error = Assert.Throws<FormatException>(() => StopCatalog.ParseGtfsZip(zip));

        Assert.Contains("a/stops.txt, b/stops.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseGtfsZip_NotAZip_FormatException()
    {
        using var bytes = new MemoryStream(Encoding.UTF8.GetBytes("stop_id,stop_name\n419,Wall St\n"));

        var error = Assert.Throws<FormatException>(() => StopCatalog.ParseGtfsZip(bytes));

        Assert.Contains("zip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ZipWhateverItsName_RecognisedByContent()
    {
        using var zip = Zip(("stops.txt", "stop_id,stop_name\n419,Wall St\n"));
        using var file = new TempFile("stops.txt");
        File.WriteAllBytes(file.Path, zip.ToArray());

        Assert.Equal("Wall St", Name(StopCatalog.Load(file.Path), "419"));
    }

    [Fact]
    public void Load_TextNamedLikeAZip_ReadAsTextWithItsByteOrderMark()
    {
        using var file = new TempFile("stops.zip");
        File.WriteAllText(file.Path, "stop_id,stop_name\n419,Wall St\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal("Wall St", Name(StopCatalog.Load(file.Path), "419"));
    }

    [Fact]
    public void Load_BadFile_FormatExceptionNamingTheFile()
    {
        using var file = new TempFile("stops.txt");
        File.WriteAllText(file.Path, "id,name\n419,Wall St\n");

        var error = Assert.Throws<FormatException>(() => StopCatalog.Load(file.Path));

        Assert.Contains(file.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("stop_id", error.Message, StringComparison.Ordinal);
    }

    private static MemoryStream Zip(params (string Name, string Text)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        stream.Position = 0;
        return stream;
    }

    private sealed class TempFile : IDisposable
    {
        public TempFile(string name)
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("transitdash-stops-");
            Path = System.IO.Path.Combine(Directory.FullName, name);
        }

        public DirectoryInfo Directory { get; }

        public string Path { get; }

        public void Dispose() => Directory.Delete(recursive: true);
    }
}
