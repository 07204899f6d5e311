using StackExchange.Redis;

namespace TransitDash.Internal;

/// <summary>The names of everything a deployment keeps in Redis. Every key starts with <c>{prefix}:</c>:
/// the braces are a hash tag, so that a Redis Cluster keeps them in one slot and a script may use them together.</summary>
/// <param name="prefix">The deployment's key prefix.</param>
internal sealed class RedisKeys(string prefix)
{
    private readonly string _root = "{" + prefix + "}:";

    /// <summary>The poller's lease: <c>token:replica</c>, with an expiry.</summary>
    public RedisKey Lease => _root + "lease";

    /// <summary>The counter the lease's fencing tokens come from.</summary>
    public RedisKey Fence => _root + "fence";

    /// <summary>The counter every shared update's revision (and every new data version) comes from.</summary>
    public RedisKey Revision => _root + "rev";

    /// <summary>The channel that announces each shared update: <c>source revision</c>.</summary>
    public RedisChannel Changes => RedisChannel.Literal(_root + "changes");

    /// <summary>A source's latest snapshot: a hash of <c>rev</c>, <c>version</c> and <c>body</c>.</summary>
    public RedisKey Snapshot(string source) => _root + "snapshot:" + source;

    /// <summary>A source's recent requests: a sorted set scored by the revision that brought them.</summary>
    public RedisKey Attempts(string source) => _root + "attempts:" + source;

    /// <summary>A source's health samples: a sorted set scored by the revision that brought them.</summary>
    public RedisKey Samples(string source) => _root + "samples:" + source;
}
