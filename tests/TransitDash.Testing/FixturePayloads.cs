using TransitDash.Simulator.Upstream;

namespace TransitDash.Testing;

/// <summary>Recorded fixture files as loopback upstream payloads: <c>UpstreamPayload.Fixture(path)</c>.</summary>
public static class FixturePayloads
{
    extension(UpstreamPayload)
    {
        /// <summary>A recorded fixture file (see <see cref="Fixtures"/>), with a content type from its extension.</summary>
        /// <param name="relativePath">A path under the fixtures folder, for example <c>citibike/v2.3/gbfs.json</c>.</param>
        /// <returns>The payload.</returns>
        public static UpstreamPayload Fixture(string relativePath) =>
            new(Fixtures.Bytes(relativePath), UpstreamPayload.ContentTypeOf(relativePath));
    }
}
