namespace TransitDash.Testing;

/// <summary>A folder under the system temp directory, deleted with its contents on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempDirectory() => Directory.CreateDirectory(FullPath);

    /// <summary>The folder's full path.</summary>
    public string FullPath { get; } = Path.Combine(Path.GetTempPath(), "transitdash-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The full path of something in the folder.</summary>
    /// <param name="relative">A path relative to the folder.</param>
    /// <returns>The full path.</returns>
    public string PathOf(string relative) => Path.Combine(FullPath, relative);

    /// <summary>Writes a file in the folder.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="contents">The bytes.</param>
    /// <returns>The file's full path.</returns>
    public string Write(string name, byte[] contents)
    {
        var path = Path.Combine(FullPath, name);
        File.WriteAllBytes(path, contents);
        return path;
    }

    /// <summary>Writes a UTF-8 text file in the folder.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="contents">The text.</param>
    /// <returns>The file's full path.</returns>
    public string Write(string name, string contents) => Write(name, System.Text.Encoding.UTF8.GetBytes(contents));

    /// <summary>Deletes the folder and everything in it.</summary>
    public void Dispose()
    {
        // A test may have removed it already.
        if (Directory.Exists(FullPath))
        {
            Directory.Delete(FullPath, recursive: true);
        }
    }
}
