namespace TransitDash.Internal;

/// <summary>The Lua scripts that make each step atomic in Redis. Every write of a snapshot checks the lease
/// in the same step (the fence): a leader that lost its lease, however long it was paused, cannot write.</summary>
internal static class RedisScripts
{
    /// <summary>Takes the lease when nobody holds it. KEYS: lease, fence. ARGV: replica, lease in ms, the
    /// highest token this replica has seen (tokens stay above it even after Redis lost its data).
    /// Returns {1, value} when taken, else {0, holder's value, holder's remaining ms}.</summary>
    public const string Acquire = """
        local holder = redis.call('GET', KEYS[1])
        if holder then
          return {0, holder, redis.call('PTTL', KEYS[1])}
        end
        local token = redis.call('INCR', KEYS[2])
        local floor = tonumber(ARGV[3])
        if token <= floor then
          token = floor + 1
          redis.call('SET', KEYS[2], token)
        end
        local value = token .. ':' .. ARGV[1]
        redis.call('SET', KEYS[1], value, 'PX', ARGV[2])
        return {1, value}
        """;

    /// <summary>Extends the lease when it is still ours. KEYS: lease. ARGV: our value, lease in ms.
    /// Returns 1 when renewed, else the holder's value (false when nobody holds it).</summary>
    public const string Renew = """
        local holder = redis.call('GET', KEYS[1])
        if holder == ARGV[1] then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return 1
        end
        return holder
        """;

    /// <summary>Gives the lease up when it is still ours. KEYS: lease. ARGV: our value. Returns 1 when released.</summary>
    public const string Release = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('DEL', KEYS[1])
          return 1
        end
        return 0
        """;

    /// <summary>Writes one update of a source when the lease is still ours, and announces it.
    /// KEYS: lease, revision, snapshot, attempts, samples. ARGV: our lease value, revision floor, data changed
    /// (1 or 0), the version held, body, attempts kept, samples kept, channel, source, sample ('' for none),
    /// then one attempt per argument. The revision stays above the floor (the highest this replica has seen),
    /// so that it keeps growing after Redis lost its data. Returns {revision, version}, or {-1} when fenced.</summary>
    public const string Publish = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then
          return {-1}
        end
        local rev = redis.call('INCR', KEYS[2])
        local floor = tonumber(ARGV[2])
        if rev <= floor then
          rev = floor + 1
          redis.call('SET', KEYS[2], rev)
        end
        local version = tonumber(ARGV[4])
        if ARGV[3] == '1' then
          version = rev
        end
        redis.call('HSET', KEYS[3], 'rev', rev, 'version', version, 'body', ARGV[5])
        for i = 11, #ARGV do
          redis.call('ZADD', KEYS[4], rev, ARGV[i])
        end
        redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -(tonumber(ARGV[6]) + 1))
        if ARGV[10] ~= '' then
          redis.call('ZADD', KEYS[5], rev, ARGV[10])
          redis.call('ZREMRANGEBYRANK', KEYS[5], 0, -(tonumber(ARGV[7]) + 1))
        end
        redis.call('PUBLISH', ARGV[8], ARGV[9] .. ' ' .. rev)
        return {rev, version}
        """;

    /// <summary>Reads a source's latest update and everything it brought since a revision, in one step.
    /// KEYS: snapshot, attempts, samples. ARGV: the revision held. Returns {} when Redis has no snapshot,
    /// {revision} when it has nothing newer, else {revision, version, body, attempts, samples}.</summary>
    public const string Read = """
        local h = redis.call('HMGET', KEYS[1], 'rev', 'version', 'body')
        if not h[1] then
          return {}
        end
        local rev = tonumber(h[1])
        if rev <= tonumber(ARGV[1]) then
          return {rev}
        end
        local attempts = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], rev)
        local samples = redis.call('ZRANGEBYSCORE', KEYS[3], '(' .. ARGV[1], rev)
        return {rev, tonumber(h[2]), h[3], attempts, samples}
        """;

    /// <summary>Raises the revision counter to a floor, so that revisions handed out after a replica comes
    /// back stay above every version it made or saw. KEYS: revision. ARGV: the floor.</summary>
    public const string RaiseRevision = """
        local current = tonumber(redis.call('GET', KEYS[1]) or '0')
        if current < tonumber(ARGV[1]) then
          redis.call('SET', KEYS[1], ARGV[1])
        end
        return 1
        """;
}
