namespace TransitDash.Caching.Redis.Tests.EndToEnd;

/// <summary>The scale-out tests measure time across processes: they run alone, not beside other tests.</summary>
[CollectionDefinition(nameof(ScaleOutCollection), DisableParallelization = true)]
public sealed class ScaleOutCollection;
