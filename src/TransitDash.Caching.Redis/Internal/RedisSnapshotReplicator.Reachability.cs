namespace TransitDash.Internal;

/// <summary>Whether Redis answers, as every command and connection event tells.</summary>
internal sealed partial class RedisSnapshotReplicator
{
    private const int MaxErrorLength = 300;

    private readonly Lock _stateLock = new();
    private readonly long _startedAt;
    private bool _reachable;
    private bool _reportedUnreachable;
    private bool _everReached;
    private DateTimeOffset? _lastContact;
    private long? _lastContactAt;
    private string? _lastError;
    private string? _holder;

    private bool Reachable
    {
        get
        {
            lock (_stateLock)
            {
                return _reachable;
            }
        }
    }

    /// <summary>How long Redis has not answered (since start, when it never has); null while it answers.</summary>
    private TimeSpan? UnreachableFor()
    {
        lock (_stateLock)
        {
            return _reachable ? null : _time.GetElapsedTime(_lastContactAt ?? _startedAt);
        }
    }

    private void MarkContact()
    {
        bool restored;
        lock (_stateLock)
        {
            restored = _reportedUnreachable && _everReached;
            _reachable = true;
            _everReached = true;
            _reportedUnreachable = false;
            _lastContact = _time.GetUtcNow();
            _lastContactAt = _time.GetTimestamp();
            _lastError = null;
        }

        if (restored)
        {
            Log.Reachable(_logger);

            // Change messages sent while this replica was cut off are lost: read what they announced.
            RequestResync();
        }
    }

    private void MarkFailure(Exception exception)
    {
        var error = Describe(exception);
        bool report;
        lock (_stateLock)
        {
            report = !_reportedUnreachable;
            _reachable = false;
            _reportedUnreachable = true;
            _lastError = error;
        }

        if (report)
        {
            Log.Unreachable(_logger, error);
        }
    }

    /// <summary>Remembers who holds the lease, from its value, and logs a new holder once.</summary>
    private void SetHolder(string? value)
    {
        var holder = value is null ? null : LeaseValue.Replica(value);
        string? previous;
        lock (_stateLock)
        {
            previous = _holder;
            _holder = holder;
        }

        if (holder is not null && holder != previous && holder != _options.ReplicaName)
        {
            Log.Following(_logger, _options.ReplicaName, holder);
        }
    }

    /// <summary>The first line of an exception's message, short: StackExchange.Redis adds pages of diagnostics.</summary>
    private static string Describe(Exception exception)
    {
        var message = exception.Message;
        var end = message.IndexOfAny(['\r', '\n']);
        if (end >= 0)
        {
            message = message[..end];
        }

        return message.Length <= MaxErrorLength ? message : message[..MaxErrorLength] + "...";
    }
}
