namespace TransitDash.Options;

/// <summary>How replicas share one poller and its snapshots through Redis: the <c>TransitDash:Redis</c>
/// section. Validated at start: a bad value stops the host with the key's path in the message.</summary>
public sealed class RedisSnapshotOptions
{
    /// <summary>The configuration section, under <c>TransitDash</c>: <c>Redis</c>.</summary>
    public const string SectionName = "Redis";

    /// <summary>The StackExchange.Redis configuration string, for example <c>localhost:6379</c> or
    /// <c>redis.internal:6380,ssl=true,password=...</c>. Required. It is never logged.</summary>
    /// <value>Defaults to empty.</value>
    public string Configuration { get; set; } = string.Empty;

    /// <summary>The start of every key and channel name, so that several deployments can share one Redis.
    /// Keys are written <c>{prefix}:...</c>, a hash tag that keeps them in one slot of a Redis Cluster.</summary>
    /// <value>Defaults to <c>transitdash</c>.</value>
    public string KeyPrefix { get; set; } = "transitdash";

    /// <summary>How long the poller's lease lasts without renewal; the leader renews it at a third of that.
    /// When the leader dies, another replica polls within the lease plus one poll interval.</summary>
    /// <value>Defaults to 15 seconds.</value>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether a replica that cannot reach Redis for longer than <see cref="LeaseDuration"/> polls
    /// the upstreams on its own. Off by default: during a Redis outage every replica would poll, multiplying
    /// the load on the upstreams by the number of replicas, and their snapshots would diverge.</summary>
    /// <value>Defaults to false.</value>
    public bool PollWhenUnreachable { get; set; }

    /// <summary>This replica's name in the lease and in <c>/api/health</c>; unique per replica.</summary>
    /// <value>Defaults to the machine name and the process id, for example <c>web-7f9c-1234</c>.</value>
    public string ReplicaName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>The configuration path that problems are reported under.</summary>
    internal string ConfigurationPath { get; set; } = "TransitDash:" + SectionName;

    /// <summary>Problems found while reading configuration, reported with the validator's at start.</summary>
    internal List<string> BindingProblems { get; } = [];
}
