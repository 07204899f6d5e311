namespace TransitDash.ConsoleHost.Tests.Support;

/// <summary>A folder under the system temp directory, deleted with its contents on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(FullPath);

    public string FullPath { get; } = Path.Combine(Path.GetTempPath(), "transitdash-console-tests-" + Guid.NewGuid().ToString("N"));

    public string PathOf(string relative) => Path.Combine(FullPath, relative);

    public void Dispose()
    {
        if (Directory.Exists(FullPath))
        {
            Directory.Delete(FullPath, recursive: true);
        }
    }
}
