using System.Text.Json.Serialization;

namespace TransitDash.Feeds.Gbfs.Internal;

/// <summary>The envelope every GBFS document shares: <c>last_updated</c>, <c>ttl</c>, <c>version</c>, <c>data</c>.</summary>
/// <typeparam name="TData">The shape of <c>data</c>.</typeparam>
internal sealed class GbfsDocument<TData>
    where TData : class
{
    [JsonConverter(typeof(GbfsTimestampConverter))]
    public DateTimeOffset? LastUpdated { get; init; }

    public int? Ttl { get; init; }

    public string? Version { get; init; }

    public TData? Data { get; init; }
}
