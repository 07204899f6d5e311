namespace TransitDash.Hosting.Rendering;

/// <summary>The content codings a cached body can be sent in.</summary>
public enum ContentCoding
{
    /// <summary>As serialized, no content coding.</summary>
    Identity,

    /// <summary><c>gzip</c>.</summary>
    Gzip,

    /// <summary><c>br</c> (Brotli).</summary>
    Brotli,
}
