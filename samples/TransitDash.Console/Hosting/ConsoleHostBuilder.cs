using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using TransitDash.ConsoleHost.Commands;
using TransitDash.Hosting.Yaml;

namespace TransitDash.ConsoleHost.Hosting;

/// <summary>Builds the console's host as the web host builds its own: config.yaml, then environment
/// variables, then switches; <c>AddTransitDash()</c>; the same log format. No web server, and logs go to
/// stderr so that stdout carries only the board or the JSON.</summary>
internal static class ConsoleHostBuilder
{
    /// <summary>Ctrl+C must end the process within 2 s: stopping waits this long at most for the pollers.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(1.5);

    /// <summary>A builder with the configuration sources added; commands edit the configuration next.</summary>
    public static HostApplicationBuilder Create(ConsoleArguments arguments, string configPath)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. arguments.Host.Remaining],
            ApplicationName = "TransitDash.Console",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddYamlFile(configPath, optional: false)
            .AddEnvironmentVariables()
            .AddCommandLine([.. arguments.Host.Remaining]);
        return builder;
    }

    /// <summary>Adds logging, the clock of <c>--at</c> and the library, once the configuration is final.</summary>
    public static void AddServices(HostApplicationBuilder builder, ConsoleArguments arguments, LogGate logGate)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.At is { } at)
        {
            // Registered before the library, so it wins over ClockStart; ClockStart goes, so the library
            // does not warn that it is ignored.
            builder.Services.AddSingleton<TimeProvider>(new FrozenClock(at));
            ConfigurationEdits.Apply(builder.Configuration, ["TransitDash:ClockStart"], new Dictionary<string, string?>());
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        // A host that fails to start logs the exception with its stack; the problem is printed once, plainly.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Logging.AddFilter((_, _, level) => logGate.Allows(level));

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddTransitDash(builder.Configuration.GetSection("TransitDash"));
    }
}
