namespace TransitDash.Caching.Redis.Tests.Support;

/// <summary>The data of a source of one's own, which replicas share through reflection-based JSON.</summary>
public sealed record Weather(string Sky, int Temperature);
