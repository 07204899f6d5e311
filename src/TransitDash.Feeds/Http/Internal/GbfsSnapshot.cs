namespace TransitDash.Feeds.Http.Internal;

/// <summary>One snapshot of a GBFS recording and the earlier ones, newest first.</summary>
/// <param name="NewestFirst">The snapshot's folder, then the folders before it.</param>
internal sealed record GbfsSnapshot(IReadOnlyList<string> NewestFirst)
{
    /// <summary>The file of a document: from this snapshot, else the latest earlier one that has it; when
    /// none has it, the path in this snapshot (reading it then fails, naming the file).</summary>
    public string PathOf(string fileName) =>
        NewestFirst.Select(folder => Path.Combine(folder, fileName)).FirstOrDefault(File.Exists)
        ?? Path.Combine(NewestFirst[0], fileName);
}
