namespace TransitDash.ConsoleHost.Recording;

/// <summary>One payload a recording wrote.</summary>
/// <param name="RelativePath">The payload's path in the recording.</param>
/// <param name="Bytes">The payload's size.</param>
/// <param name="TotalPayloads">Payloads written so far, this one included.</param>
/// <param name="TotalBytes">Bytes written so far, sidecars included.</param>
internal sealed record RecordedFile(string RelativePath, long Bytes, int TotalPayloads, long TotalBytes);
