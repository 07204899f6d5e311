using System.IO.Compression;
using System.Xml.Linq;

namespace TransitDash.Packaging.Tests;

/// <summary>A <c>.nupkg</c> or <c>.snupkg</c> read as what it is: a zip with a nuspec inside.</summary>
internal sealed class PackageFile
{
    private readonly Dictionary<string, byte[]> entries;

    private PackageFile(Dictionary<string, byte[]> entries, XElement metadata)
    {
        this.entries = entries;
        Metadata = metadata;
    }

    /// <summary>The paths of the files inside.</summary>
    public IReadOnlyCollection<string> Entries => entries.Keys;

    /// <summary>The nuspec's <c>metadata</c> element.</summary>
    public XElement Metadata { get; }

    /// <summary>Every dependency of every target framework group, as id and version range.</summary>
    public IReadOnlyList<(string Id, string Version)> Dependencies =>
        Metadata.Descendants(Name("dependency"))
            .Select(d => ((string)d.Attribute("id")!, (string)d.Attribute("version")!))
            .ToList();

    /// <summary>Every framework reference (shared frameworks such as ASP.NET Core) the package asks for.</summary>
    public IReadOnlyList<string> FrameworkReferences =>
        Metadata.Descendants(Name("frameworkReference")).Select(f => (string)f.Attribute("name")!).ToList();

    /// <summary>Reads a package file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The package.</returns>
    public static PackageFile Open(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries[Uri.UnescapeDataString(entry.FullName)] = copy.ToArray();
        }

        var nuspec = entries.Keys.Single(k => !k.Contains('/', StringComparison.Ordinal) && k.EndsWith(".nuspec", StringComparison.Ordinal));
        using var nuspecStream = new MemoryStream(entries[nuspec]);
        var root = XDocument.Load(nuspecStream).Root!;
        return new PackageFile(entries, root.Element(root.Name.Namespace + "metadata")!);
    }

    /// <summary>The value of a metadata element, or null.</summary>
    /// <param name="name">The element's name, for example <c>description</c>.</param>
    /// <returns>Its text.</returns>
    public string? Meta(string name) => Metadata.Element(Name(name))?.Value;

    /// <summary>A metadata element, or null.</summary>
    /// <param name="name">The element's name, for example <c>license</c>.</param>
    /// <returns>The element.</returns>
    public XElement? MetaElement(string name) => Metadata.Element(Name(name));

    /// <summary>The bytes of a file inside.</summary>
    /// <param name="path">Its path inside the package.</param>
    /// <returns>The bytes.</returns>
    public byte[] Read(string path) =>
        entries.TryGetValue(path, out var bytes) ? bytes : throw new FileNotFoundException($"The package has no '{path}'; it has: {string.Join(", ", entries.Keys)}");

    /// <summary>The text of a UTF-8 file inside.</summary>
    /// <param name="path">Its path inside the package.</param>
    /// <returns>The text.</returns>
    public string ReadText(string path) => System.Text.Encoding.UTF8.GetString(Read(path)).TrimStart('\uFEFF');

    private XName Name(string local) => XName.Get(local, Metadata.Name.NamespaceName);
}
