using TransitDash.Snapshots;

namespace TransitDash.Internal;

/// <summary>A snapshot's body as read: its metadata (version not yet set) and data when <see cref="Status"/> is Ok.</summary>
internal sealed record DecodedBody(DecodeStatus Status, int Schema, SnapshotMetadata? Metadata, object? Data, string? Error)
{
    public static DecodedBody Unreadable(string error) => new(DecodeStatus.Unreadable, 0, null, null, error);
}
