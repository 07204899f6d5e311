using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TransitDash.Hosting;
using TransitDash.Testing;

namespace TransitDash.Web.Tests.Support;

/// <summary>The real web host, built by <see cref="TransitDashWebApp.Build"/> from a config.yaml written to a
/// temp folder, listening on a free loopback port, with a client pointed at it.</summary>
internal sealed class WebHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TempDirectory folder;
    private readonly Stopwatch sinceBuild;

    private WebHost(WebApplication app, TempDirectory folder, Uri address, Stopwatch sinceBuild)
    {
        this.app = app;
        this.folder = folder;
        this.sinceBuild = sinceBuild;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>An upper bound of how far the host's clock has moved from ClockStart: it starts its clock
    /// while it is built, so no later than this watch.</summary>
    public TimeSpan ClockElapsedAtMost => sinceBuild.Elapsed;

    public static async Task<WebHost> StartAsync(string yaml)
    {
        var folder = new TempDirectory();
        try
        {
            var configPath = folder.Write("config.yaml", yaml);
            var sinceBuild = Stopwatch.StartNew();
            var app = TransitDashWebApp.Build(
                HostArguments.Parse(["--urls", "http://127.0.0.1:0"]),
                configPath,
                builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    // Failures the tests cause on purpose are warnings; the rest of the host's chatter is noise here.
                    ["Logging:LogLevel:Default"] = "Warning",
                }));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return new WebHost(app, folder, new Uri(address), sinceBuild);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await app.StopAsync(timeout.Token);
        }

        await app.DisposeAsync();
        folder.Dispose();
    }
}
