namespace TransitDash.Packaging.Tests;

/// <summary>The checkout these tests were built from.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>The folder holding <c>TransitDash.sln</c>.</summary>
    public static string Path => Root.Value;

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TransitDash.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No TransitDash.sln above {AppContext.BaseDirectory}: these tests run from a build inside the repository.");
    }
}
