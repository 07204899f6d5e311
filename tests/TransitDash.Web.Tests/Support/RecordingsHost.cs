using System.Net;
using TransitDash.Testing;

[assembly: AssemblyFixture(typeof(TransitDash.Web.Tests.Support.RecordingsHost))]

namespace TransitDash.Web.Tests.Support;

/// <summary>One host shared by the tests that only read: it plays the 2019 recordings and polls once a
/// minute, so its snapshots hold still while the tests compare answers. Started by the first test that
/// asks (inside a test, so missing recordings skip it rather than break the fixture).</summary>
public sealed class RecordingsHost : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private RecordedUpstream? upstream;
    private WebHost? host;

    internal static RecordedConfig Config { get; } = new()
    {
        PollInterval = "60s",
        StaleAfter = "90s",
        ErrorAfter = "180s",
        AttemptTimeout = "10s",
    };

    /// <summary>The running host, once subway, Citi Bike and alerts data are in.</summary>
    internal async Task<WebHost> GetAsync()
    {
        Fixtures.Require();
        await gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (host is null)
            {
                upstream = await RecordedUpstream.StartAsync(TestContext.Current.CancellationToken);
                host = await WebHost.StartAsync(Config.ToYaml(upstream));
                foreach (var endpoint in new[] { "/api/subway", "/api/citibike", "/api/alerts" })
                {
                    await Eventually.Until(() => ApiAnswer.GetAsync(host.Client, endpoint), a => a.Status == HttpStatusCode.OK, $"{endpoint} to have data");
                }
            }

            return host;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (upstream is not null)
        {
            await upstream.DisposeAsync();
        }

        gate.Dispose();
    }
}
