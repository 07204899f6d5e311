namespace TransitDash.Hosting.Rendering;

/// <summary>One representation of a cached body, ready to be written as-is.</summary>
/// <param name="Bytes">The bytes to send.</param>
/// <param name="ETag">Its weak entity tag: a compressed representation has its own, never the identity one's.</param>
/// <param name="ContentEncoding">The <c>Content-Encoding</c> value, or null for identity.</param>
public sealed record BodyRepresentation(byte[] Bytes, string ETag, string? ContentEncoding);
