using Microsoft.Extensions.Logging;

namespace TransitDash.Internal;

/// <summary>Every log message of TransitDash.Caching.Redis, source-generated, with fixed event ids
/// (3000-3099). Messages never carry the Redis configuration string (it may hold a password).</summary>
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Information, "Sharing snapshots through Redis as replica {Replica} (lease {Lease}, key prefix {KeyPrefix})")]
    public static partial void Started(ILogger logger, string replica, string lease, string keyPrefix);

    [LoggerMessage(3001, LogLevel.Information, "Replica {Replica} took the poller's lease (token {Token}): it polls for every replica")]
    public static partial void LeaseAcquired(ILogger logger, string replica, string token);

    [LoggerMessage(3002, LogLevel.Warning, "Replica {Replica} lost the poller's lease ({Reason}); it stops polling")]
    public static partial void LeaseLost(ILogger logger, string replica, string reason);

    [LoggerMessage(3003, LogLevel.Information, "Released the poller's lease on shutdown: another replica takes over at once")]
    public static partial void LeaseReleased(ILogger logger);

    [LoggerMessage(3004, LogLevel.Warning, "Redis is unreachable ({Error}); serving the snapshots held")]
    public static partial void Unreachable(ILogger logger, string error);

    [LoggerMessage(3005, LogLevel.Information, "Redis is reachable again; re-reading every snapshot")]
    public static partial void Reachable(ILogger logger);

    [LoggerMessage(3006, LogLevel.Warning, "{Source}: the snapshot was not shared: the lease was lost before it was written, and Redis refused it")]
    public static partial void PublishFenced(ILogger logger, string source);

    [LoggerMessage(3007, LogLevel.Warning, "{Source}: the snapshot was not shared: {Error}")]
    public static partial void PublishFailed(ILogger logger, string source, string error);

    [LoggerMessage(3008, LogLevel.Warning, "{Source}: Redis holds a snapshot in schema {Schema}, newer than this version reads ({Supported}); keeping the copy held until this replica is upgraded")]
    public static partial void NewerSchema(ILogger logger, string source, int schema, int supported);

    [LoggerMessage(3009, LogLevel.Warning, "{Source}: the snapshot in Redis could not be read ({Error}); keeping the copy held")]
    public static partial void Unreadable(ILogger logger, string source, string error);

    [LoggerMessage(3010, LogLevel.Warning, "Redis has been unreachable for longer than the lease ({Lease}): polling on this replica alone (PollWhenUnreachable)")]
    public static partial void PollingAlone(ILogger logger, string lease);

    [LoggerMessage(3011, LogLevel.Warning, "The lease ({Lease}) is longer than the shortest poll interval ({Interval}): when the leader dies, another replica may take more than two poll intervals to poll")]
    public static partial void LeaseLongerThanInterval(ILogger logger, string lease, string interval);

    [LoggerMessage(3012, LogLevel.Warning, "{Source}: Redis holds a snapshot of a source this replica does not poll; ignored (are the replicas configured alike?)")]
    public static partial void UnknownSource(ILogger logger, string source);

    [LoggerMessage(3013, LogLevel.Information, "Replica {Replica} follows; {Holder} holds the poller's lease")]
    public static partial void Following(ILogger logger, string replica, string holder);

    [LoggerMessage(3014, LogLevel.Error, "Sharing snapshots through Redis failed unexpectedly; the replica goes on and tries again")]
    public static partial void StepCrashed(ILogger logger, Exception exception);
}
