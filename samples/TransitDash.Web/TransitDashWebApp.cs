using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using TransitDash.Hosting;
using TransitDash.Hosting.Yaml;
using TransitDash.Simulator;
using TransitDash.Web.Api;
using TransitDash.Web.Hosting;
using TransitDash.Hosting.Rendering;

namespace TransitDash.Web;

/// <summary>Builds and runs the web host: configuration (config.yaml, then environment variables, then
/// switches), the library, and the HTTP surface of the API contract.</summary>
public static class TransitDashWebApp
{
    private const string DefaultUrl = "http://localhost:5000";

    /// <summary>Runs the host until it is stopped.</summary>
    /// <param name="args">The process arguments.</param>
    /// <returns>The exit code: 0 after a clean stop, 1 for bad arguments or configuration.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        DemoUpstream? demo = null;
        try
        {
            var arguments = HostArguments.Parse(args);
            var configPath = ConfigFile.Locate(arguments.ConfigPath, Environment.CurrentDirectory);
            var app = Build(arguments, configPath, builder =>
            {
                if (arguments.Demo)
                {
                    var scenario = DemoMode.Scenario(builder.Configuration);
                    demo = DemoUpstream.StartAsync(scenario, TimeProvider.System).GetAwaiter().GetResult();
                    builder.Configuration.AddInMemoryCollection(DemoMode.Overrides(builder.Configuration, demo, scenario));
                }
            });
            await using (app.ConfigureAwait(false))
            {
                // Every options problem at once, before any service reads its options and nothing listens.
                app.Services.GetService<IStartupValidator>()?.Validate();
                await app.StartAsync().ConfigureAwait(false);
                await app.WaitForShutdownAsync().ConfigureAwait(false);
                return 0;
            }
        }
        catch (Exception e) when (StartupProblems.Describe(e) is { } problems)
        {
            await Console.Error.WriteLineAsync(problems).ConfigureAwait(false);
            return 1;
        }
        finally
        {
            if (demo is not null)
            {
                await demo.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Builds the host without starting it (tests start it on a loopback port).</summary>
    /// <param name="arguments">The parsed arguments; <see cref="HostArguments.Remaining"/> feed the command-line provider.</param>
    /// <param name="configPath">The configuration file.</param>
    /// <param name="configure">Runs after the configuration sources are added and before services are: tests and --demo add their own keys here.</param>
    /// <returns>The application.</returns>
    public static WebApplication Build(HostArguments arguments, string configPath, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. arguments.Remaining],
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });

        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddYamlFile(configPath, optional: false)
            .AddEnvironmentVariables()
            .AddCommandLine([.. arguments.Remaining]);
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        // "Not ready" before the first data is the normal start, not an error; fetch failures have their own lines.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None);

        ConfigureServices(builder);
        var app = builder.Build();
        app.Logger.LogInformation("Configuration loaded from {ConfigPath}", configPath);
        MapEndpoints(app);
        return app;
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var transitDash = services.AddTransitDash(builder.Configuration.GetSection("TransitDash"));
        // With an empty Configuration the snapshots stay in process, and the section's other keys are still checked.
        if (builder.Configuration.GetSection("TransitDash:Redis").Exists())
        {
            AddRedis(transitDash, builder.Configuration.GetSection("TransitDash:Redis"));
        }

        services.AddHealthChecks().AddTransitDashChecks();
        services.AddOptions<WebOptions>()
            .Configure(o => o.CorsOrigins = WebOptionsReader.Read(builder.Configuration).Options.CorsOrigins)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        services.AddSingleton<ResponseCache>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Web));
        services.AddProblemDetails();
        services.AddCors();
        services.AddOpenApi(o => o.AddDocumentTransformer(PipelineEndpointsDocument.AddAsync));
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(TransitDashTelemetry.MeterName)
            .AddMeter(RedisSnapshotTelemetry.MeterName)
            .AddPrometheusExporter());
    }

    /// <summary>Kept out of <see cref="ConfigureServices"/> so that a host without Redis never loads the
    /// Redis assemblies (the JIT loads them with the first method that names their types).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddRedis(ITransitDashBuilder transitDash, IConfigurationSection redis) => transitDash.AddRedisSnapshotsWhenConfigured(redis);

    private static void MapEndpoints(WebApplication app)
    {
        // Read without validation: the policy is built now, and bad origins stop the host at start
        // together with every other configuration problem.
        var origins = WebOptionsReader.Read(app.Configuration).Options.CorsOrigins;
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors(policy =>
        {
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins([.. origins]);
            }

            policy.WithMethods("GET").AllowAnyHeader().WithExposedHeaders("ETag", "Retry-After");
        });
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(app.Environment.WebRootPath) });

        app.MapSubwayApi();
        app.MapCitibikeApi();
        app.MapAlertsApi();
        app.MapHealthApi();
        app.MapStreamApi();
        app.MapConfigApi();
        app.MapHealthChecks(PipelineEndpointsDocument.LivePath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(TransitDashHealthChecksBuilderExtensions.LiveTag) });
        app.MapHealthChecks(PipelineEndpointsDocument.ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(TransitDashHealthChecksBuilderExtensions.ReadyTag) });
        app.MapPrometheusScrapingEndpoint(PipelineEndpointsDocument.MetricsPath);
        app.MapOpenApi("/openapi/{documentName}.json");
    }
}
