namespace TransitDash.Hosting.Rendering;

/// <summary>A serialized response body with its entity tag.</summary>
/// <param name="Body">The UTF-8 JSON.</param>
/// <param name="ETag">The weak entity tag (<c>W/"..."</c>).</param>
public sealed record CachedBody(byte[] Body, string ETag);
