namespace TransitDash.Feeds.Http.Internal;

/// <summary>The <c>ETag</c> and <c>Last-Modified</c> of a payload, kept to ask the upstream next time
/// whether it changed.</summary>
internal sealed record Validators(string? ETag, string? LastModified)
{
    /// <summary>The validators of a response, or null when it has none.</summary>
    public static Validators? From(FeedResponse response) =>
        response.ETag is null && response.LastModified is null ? null : new Validators(response.ETag, response.LastModified);

    /// <summary>A copy of <paramref name="request"/> that sends these validators.</summary>
    public FeedRequest ApplyTo(FeedRequest request) => request with { IfNoneMatch = ETag, IfModifiedSince = LastModified };
}
