using TransitDash.Simulator.Upstream;

namespace TransitDash.Testing;

/// <summary>Recorded fixture files as loopback upstream behaviors: <c>UpstreamBehavior.Fixture(path)</c>.</summary>
public static class FixtureBehaviors
{
    extension(UpstreamBehavior)
    {
        /// <summary>Serves a recorded fixture file.</summary>
        /// <param name="relativePath">A path under the fixtures folder.</param>
        /// <returns>The behavior.</returns>
        public static UpstreamBehavior Fixture(string relativePath) => UpstreamBehavior.Serve(UpstreamPayload.Fixture(relativePath));
    }
}
