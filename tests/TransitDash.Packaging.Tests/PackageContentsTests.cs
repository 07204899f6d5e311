using System.Reflection;
using System.Reflection.Metadata;
using System.Runtime.Loader;
using System.Xml.Linq;

namespace TransitDash.Packaging.Tests;

/// <summary>What <c>dotnet pack -c Release</c> puts in each shipped package and its symbols package.</summary>
public sealed class PackageContentsTests(PackedPackages packages)
{
    private static readonly string[] Tags = ["gtfs", "gtfs-realtime", "gbfs", "transit", "mta", "citibike", "bikeshare"];

    // Packages that only a host should bring in: the libraries must never drag them into a consumer.
    private static readonly string[] HostOnlyPrefixes = ["YamlDotNet", "Microsoft.AspNetCore", "Spectre", "OpenTelemetry", "BenchmarkDotNet", "xunit"];

    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    public static TheoryData<string> ShippedIds => [.. PackedPackages.Ids];

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public async Task Pack_ShippedPackage_CarriesIdDescriptionTagsLicenseAndReadme(string id)
    {
        var package = await OpenAsync(id);

        Assert.Equal(id, package.Meta("id"));
        Assert.Equal(packages.Version, package.Meta("version"));
        Assert.True((package.Meta("description") ?? string.Empty).Length >= 40, $"{id} needs a real description, got '{package.Meta("description")}'");
        Assert.Equal(Tags, (package.Meta("tags") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));

        var license = package.MetaElement("license");
        Assert.NotNull(license);
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);

        Assert.Equal("README.md", package.Meta("readme"));
        Assert.Contains("README.md", package.Entries);
        Assert.StartsWith($"# {id}", package.ReadText("README.md"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public async Task Pack_ShippedPackage_HoldsTheNet10AssemblyWithItsXmlDocsAndVersion(string id)
    {
        var package = await OpenAsync(id);

        Assert.Equal(
            [$"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml"],
            package.Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        var docs = XDocument.Parse(package.ReadText($"lib/net10.0/{id}.xml"));
        Assert.Equal(id, docs.Root?.Element("assembly")?.Element("name")?.Value);
        Assert.Contains(docs.Descendants("member"), m => m.Element("summary") is not null);

        // The version given to pack (in the repository: the one VersionPrefix) is the assembly's too.
        Assert.StartsWith(packages.Version, InformationalVersion(package.Read($"lib/net10.0/{id}.dll")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public async Task Pack_ShippedPackage_DependsOnLowestExtensionsAndNoHostOnlyPackage(string id)
    {
        var package = await OpenAsync(id);

        Assert.NotEmpty(package.Dependencies);
        foreach (var (dependency, version) in package.Dependencies)
        {
            Assert.False(
                HostOnlyPrefixes.Any(p => dependency.StartsWith(p, StringComparison.OrdinalIgnoreCase)),
                $"{id} depends on the host-only package {dependency} {version}");
            if (dependency.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            {
                Assert.True(version == "10.0.0", $"{id} asks for {dependency} {version}; a library asks for the lowest version that works, 10.0.0");
            }

            if (dependency.StartsWith("TransitDash.", StringComparison.Ordinal))
            {
                Assert.Equal(packages.Version, version);
            }
        }

        Assert.DoesNotContain(package.FrameworkReferences, f => f.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pack_Caching_DependsOnFeeds()
    {
        var package = await OpenAsync("TransitDash.Caching");

        Assert.Contains(("TransitDash.Feeds", packages.Version), package.Dependencies);
    }

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public async Task Pack_ShippedPackage_HasSymbolsPackageWithEmbeddedUntrackedSources(string id)
    {
        await packages.PackAsync(id);
        Assert.True(File.Exists(packages.SymbolsPath(id)), $"No symbols package {packages.SymbolsPath(id)}");
        var symbols = PackageFile.Open(packages.SymbolsPath(id));

        using var pdb = MetadataReaderProvider.FromPortablePdbImage([.. symbols.Read($"lib/net10.0/{id}.pdb")]);
        var reader = pdb.GetMetadataReader();
        var documents = reader.Documents.Select(h => (Name: reader.GetString(reader.GetDocument(h).Name), Embedded: IsEmbedded(reader, h))).ToList();

        // The generated AssemblyInfo lives under obj/, which git never tracks: SourceLink cannot point
        // at it, so EmbedUntrackedSources must have put it in the PDB.
        Assert.Contains(documents, d => d.Name.EndsWith(".AssemblyInfo.cs", StringComparison.Ordinal) && d.Embedded);

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            // ContinuousIntegrationBuild: no path of the build machine leaks into the PDB.
            var unmapped = documents.Where(d => !d.Name.StartsWith("/_", StringComparison.Ordinal)).Select(d => d.Name).ToList();
            Assert.True(unmapped.Count == 0, "Build machine paths in the PDB: " + string.Join(", ", unmapped));
        }
    }

    private static bool IsEmbedded(MetadataReader reader, DocumentHandle document) =>
        reader.GetCustomDebugInformation(document).Any(h => reader.GetGuid(reader.GetCustomDebugInformation(h).Kind) == EmbeddedSourceKind);

    private static string InformationalVersion(byte[] assembly)
    {
        var context = new AssemblyLoadContext(nameof(InformationalVersion), isCollectible: true);
        try
        {
            using var image = new MemoryStream(assembly);
            return context.LoadFromStream(image).GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? string.Empty;
        }
        finally
        {
            context.Unload();
        }
    }

    private async Task<PackageFile> OpenAsync(string id)
    {
        await packages.PackAsync(id);
        return PackageFile.Open(packages.PackagePath(id));
    }
}
