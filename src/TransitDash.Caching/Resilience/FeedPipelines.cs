using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TransitDash.Options;

namespace TransitDash.Resilience;

/// <summary>Every feed's <see cref="FeedPipeline"/>, one per feed of each source, made when first asked for:
/// retries and breakers never cross feeds, so a dead feed holds up no other.</summary>
internal sealed class FeedPipelines(ResilienceOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
{
    private readonly ConcurrentDictionary<(string Source, string Feed), FeedPipeline> _pipelines = new();
    private readonly ILogger _logger = (ILogger?)loggerFactory?.CreateLogger("TransitDash.Resilience") ?? NullLogger.Instance;

    /// <summary>The pipeline of one feed of a source (for a source that is one feed, pass its name twice).</summary>
    public FeedPipeline For(string source, string feed) =>
        _pipelines.GetOrAdd((source, feed), key => new FeedPipeline(key.Feed, options, timeProvider, _logger));
}
