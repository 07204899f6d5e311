namespace TransitDash.Feeds.Tests.Http;

/// <summary>A folder under the system temp directory, deleted with its contents on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(FullPath);

    public string FullPath { get; } = Path.Combine(Path.GetTempPath(), "transitdash-tests-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, byte[] contents)
    {
        var path = Path.Combine(FullPath, name);
        File.WriteAllBytes(path, contents);
        return path;
    }

    public string Write(string name, string contents) => Write(name, System.Text.Encoding.UTF8.GetBytes(contents));

    public void Dispose() => Directory.Delete(FullPath, recursive: true);
}
