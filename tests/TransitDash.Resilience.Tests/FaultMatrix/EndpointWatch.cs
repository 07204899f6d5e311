using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace TransitDash.Resilience.Tests.FaultMatrix;

/// <summary>Reads <c>/api/subway</c> and <c>/api/citibike</c> over and over while the matrix runs, and checks every
/// answer: 200 with data, a <c>staleness_seconds</c> that is the host's now minus <c>last_updated</c>, and, while a lane
/// is in fault, the last good data of its feed with a <c>last_updated</c> no later than the fault allows.</summary>
internal sealed class EndpointWatch(MatrixHost host, IReadOnlyList<Lane> lanes, string citibikeBaseline)
{
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<string, int> _checkedDuring = new(StringComparer.Ordinal);
    private int _responses;

    public IReadOnlyList<string> Problems => [.. _problems];

    public int Responses => Volatile.Read(ref _responses);

    /// <summary>How many answers were checked while a fault was on.</summary>
    public int CheckedDuring(string fault) => _checkedDuring.GetValueOrDefault(fault);

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await CheckAsync("/api/subway?limit=500", "subway", stop);
            await CheckAsync("/api/citibike", "citibike", stop);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task CheckAsync(string pathAndQuery, string source, CancellationToken stop)
    {
        // A lane counts only if the same fault was on before and after the answer: one that recovered meanwhile may
        // already have brought new data.
        var activeBefore = lanes.Where(l => l.Source == source).Select(l => (Lane: l, Active: l.Active)).ToArray();
        var before = host.Time.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await host.Client.GetAsync(pathAndQuery, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }
        catch (HttpRequestException e)
        {
            Problem(source, before, $"could not be read: {e.Message}");
            return;
        }

        using (response)
        {
            var after = host.Time.GetUtcNow();
            Interlocked.Increment(ref _responses);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Problem(source, before, $"answered {(int)response.StatusCode}: {body}");
                return;
            }

            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var data = root.GetProperty("data");
            var lastUpdated = root.GetProperty("last_updated").GetInt64();
            var staleness = root.GetProperty("staleness_seconds").GetInt64();
            if (!root.GetProperty("success").GetBoolean() || data.GetArrayLength() == 0)
            {
                Problem(source, before, $"answered without data: {body}");
            }

            // last_updated is whole seconds of an exact time, and the body may have been made earlier in the second.
            var lowest = Math.Max(0, Math.Floor((double)before.ToUnixTimeSeconds() - lastUpdated - 1));
            var highest = Math.Max(0, Math.Floor((after.ToUnixTimeMilliseconds() / 1000.0) - lastUpdated));
            if (staleness < lowest || staleness > highest)
            {
                Problem(source, before, $"staleness_seconds {staleness} is not now minus last_updated ({lowest} to {highest})");
            }

            foreach (var (lane, active) in activeBefore)
            {
                if (active is not null && ReferenceEquals(active, lane.Active))
                {
                    CheckDuringFault(source, lane, active, data, lastUpdated, before);
                }
            }
        }
    }

    private void CheckDuringFault(string source, Lane lane, ActiveFault active, JsonElement data, long lastUpdated, DateTimeOffset at)
    {
        _checkedDuring.AddOrUpdate(active.Fault.Name, 1, (_, n) => n + 1);

        // The feed's last success can be no later than the poll in flight when the fault began (for a frozen feed,
        // the polls that still passed before its header time had stood still for ErrorAfter).
        var allowance = (active.Fault.Frozen ? MatrixTimings.ErrorAfter : TimeSpan.Zero) + MatrixTimings.PollInterval + MatrixTimings.LongestPoll + TimeSpan.FromSeconds(1);
        if (lastUpdated > (active.StartedAt + allowance).ToUnixTimeSeconds())
        {
            Problem(source, at, $"during '{active.Fault.Name}' last_updated {lastUpdated} is newer than the fault allows (it began at {active.StartedAt.ToUnixTimeSeconds()})");
        }

        if (source == "subway" && !data.EnumerateArray().Any(a => a.GetProperty("feed").GetString() == lane.Feed))
        {
            Problem(source, at, $"during '{active.Fault.Name}' the last good arrivals of {lane.Feed} are gone");
        }

        if (source == "citibike" && data.GetRawText() != citibikeBaseline)
        {
            Problem(source, at, $"during '{active.Fault.Name}' the stations differ from the last good ones: {data.GetRawText()}");
        }
    }

    private void Problem(string source, DateTimeOffset at, string problem) => _problems.Enqueue($"{at:HH:mm:ss.fff} /api/{source} {problem}");
}
