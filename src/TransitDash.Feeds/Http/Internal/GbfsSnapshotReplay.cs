using System.Collections.Concurrent;

namespace TransitDash.Feeds.Http.Internal;

/// <summary>Plays a GBFS recording kept as snapshot folders: a folder with no <c>gbfs.json</c> of its own
/// whose subfolders, named so they sort in time order, each hold the documents one fetch received, under
/// their own names. Each fetch plays the next snapshot, and the last one again once all were played. A
/// document a snapshot lacks (the discovery, which is read once an hour; a feed that answered "not
/// modified") is taken from the latest earlier snapshot that has it, as the live client would have
/// reused the bytes it held. Hidden folders are not snapshots.</summary>
internal sealed class GbfsSnapshotReplay
{
    // The last snapshot played per source and folder. Remembering the name rather than an index keeps
    // the order when snapshots are added while the recording plays.
    private readonly ConcurrentDictionary<(string Source, string Folder), string> lastPlayed = new();

    /// <summary>The next snapshot of a folder, or null when the folder is not a snapshot recording.</summary>
    public GbfsSnapshot? Next(string sourceName, string folder)
    {
        var snapshots = Directory.EnumerateDirectories(folder)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (snapshots.Length == 0)
        {
            return null;
        }

        var current = lastPlayed.AddOrUpdate(
            (sourceName, folder),
            static (_, all) => all[0],
            static (_, previous, all) => all.FirstOrDefault(d => StringComparer.Ordinal.Compare(d, previous) > 0) ?? all[^1],
            snapshots);
        var index = Array.IndexOf(snapshots, current);
        return new GbfsSnapshot(snapshots[..(index + 1)].Reverse().ToArray());
    }
}
