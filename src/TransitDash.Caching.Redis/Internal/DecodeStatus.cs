namespace TransitDash.Internal;

/// <summary>How reading a snapshot's body went.</summary>
internal enum DecodeStatus
{
    Ok,

    /// <summary>Written by a newer version, in a schema this one cannot read.</summary>
    NewerSchema,

    /// <summary>Not a body this version wrote, or damaged.</summary>
    Unreadable,
}
