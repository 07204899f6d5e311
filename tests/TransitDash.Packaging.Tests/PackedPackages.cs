using System.Globalization;
using TransitDash.Packaging.Tests;

[assembly: AssemblyFixture(typeof(PackedPackages))]

namespace TransitDash.Packaging.Tests;

/// <summary>The shipped packages, packed from this checkout once per test run into a temporary folder.
/// They get a version no earlier run used, so no package cache can hand back a stale copy. The build
/// writes its intermediate files under the checkout's ignored <c>artifacts/</c> folder, apart from the
/// project's own <c>obj/</c> (so a build running beside it is not disturbed) yet inside the repository,
/// as in any real pack, so that SourceLink and deterministic paths see what a release build sees.</summary>
public sealed class PackedPackages : IDisposable
{
    /// <summary>Every package the repository ships: each project under <c>src/</c>, named like its folder.</summary>
    public static IReadOnlyList<string> Ids { get; } =
        Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "src"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => File.Exists(Path.Combine(RepositoryRoot.Path, "src", name, name + ".csproj")))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    // One pack at a time: packing Caching builds Feeds too, into the same intermediate folders.
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, Exception?> outcomes = new(StringComparer.Ordinal);

    /// <summary>The temporary folder holding everything these tests make.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "transitdash-packaging-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where the pack builds (bin and obj of every project).</summary>
    public string BuildFolder { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "packaging-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The folder the packages are packed into: a local package source.</summary>
    public string Folder => Path.Combine(Root, "packages");

    /// <summary>The version every package of this run carries.</summary>
    public string Version { get; } = "0.0.0-test." + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);

    /// <summary>Packs the given packages (every shipped one when none is named), each the first time it
    /// is asked for; a package that failed to pack fails every test that asks for it, with the output.</summary>
    /// <param name="ids">The package ids.</param>
    /// <returns>This instance.</returns>
    public async Task<PackedPackages> PackAsync(params string[] ids)
    {
        await gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            foreach (var id in ids.Length == 0 ? Ids : ids)
            {
                if (!outcomes.TryGetValue(id, out var failure))
                {
                    try
                    {
                        await PackOneAsync(id);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        failure = exception;
                    }

                    outcomes[id] = failure;
                }

                if (failure is not null)
                {
                    throw new InvalidOperationException($"{id} did not pack: {failure.Message}", failure);
                }
            }
        }
        finally
        {
            gate.Release();
        }

        return this;
    }

    /// <summary>The path of a package in <see cref="Folder"/>.</summary>
    /// <param name="id">The package id.</param>
    /// <returns>The <c>.nupkg</c> path.</returns>
    public string PackagePath(string id) => Path.Combine(Folder, $"{id}.{Version}.nupkg");

    /// <summary>The path of a package's symbols package in <see cref="Folder"/>.</summary>
    /// <param name="id">The package id.</param>
    /// <returns>The <c>.snupkg</c> path.</returns>
    public string SymbolsPath(string id) => Path.Combine(Folder, $"{id}.{Version}.snupkg");

    /// <inheritdoc />
    public void Dispose()
    {
        gate.Dispose();
        Delete(Root);
        Delete(BuildFolder);
        try
        {
            Directory.Delete(Path.GetDirectoryName(BuildFolder)!);
        }
        catch (IOException)
        {
            // Another run is still packing there.
        }
    }

    private static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held by a process that is going away: left for the next clean.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task PackOneAsync(string id)
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", id, id + ".csproj");
        var result = await DotnetCli.RunAsync(
            RepositoryRoot.Path,
            ["pack", project, "-c", "Release", "-o", Folder, "--artifacts-path", BuildFolder,
             "-p:Version=" + Version, "--disable-build-servers"],
            PackTimeout);
        result.EnsureSuccess();
        Assert.True(File.Exists(PackagePath(id)), $"'{result.CommandLine}' did not write {PackagePath(id)}:{Environment.NewLine}{result.Output}");
    }
}
