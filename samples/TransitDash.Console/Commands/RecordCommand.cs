using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TransitDash.ConsoleHost.Hosting;
using TransitDash.ConsoleHost.Recording;

namespace TransitDash.ConsoleHost.Commands;

/// <summary><c>record</c>: runs the pollers for a while and writes every payload they receive.</summary>
internal static class RecordCommand
{
    /// <summary>Checks that the folder can be written, turns off the sources not recorded, and makes the writer.</summary>
    /// <exception cref="ArgumentException">A source to record is not configured, or the folder cannot be written.</exception>
    public static RecordingWriter Prepare(ConfigurationManager configuration, ConsoleArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(arguments);
        var configured = ConsoleArguments.RecordableSources.Where(s => IsConfigured(configuration, s)).ToArray();
        var selected = arguments.Sources ?? configured;
        if (selected.FirstOrDefault(s => !configured.Contains(s)) is { } missing)
        {
            throw new ArgumentException($"--sources names {missing}, which the configuration does not set up (configured: {(configured.Length == 0 ? "none" : string.Join(", ", configured))})");
        }

        if (selected.Count == 0)
        {
            throw new ArgumentException("nothing to record: the configuration sets up no subway, citibike or alerts source");
        }

        // The sources not recorded are not polled either.
        ConfigurationEdits.Apply(
            configuration,
            [.. ConsoleArguments.RecordableSources.Except(selected).Select(s => "TransitDash:" + Section(s))],
            new Dictionary<string, string?>());

        var root = Path.GetFullPath(arguments.OutDirectory!);
        CheckWritable(root);
        return new RecordingWriter(
            root,
            selected.Contains(TransitDashSources.Subway) ? ConfigurationEdits.SubwayFeedNames(configuration) : [],
            alerts: selected.Contains(TransitDashSources.Alerts),
            citibike: selected.Contains(TransitDashSources.Citibike));
    }

    /// <summary>Registers the writer and puts it between the pollers and the network (after <c>AddTransitDash</c>).</summary>
    public static void Register(IServiceCollection services, RecordingWriter writer)
    {
        services.AddSingleton(writer);
        RecordingFeedClient.Decorate(services);
    }

    /// <summary>Records until the duration is over, Ctrl+C, or a write fails; prints each payload and the disk used.</summary>
    public static async Task<int> RunAsync(IHost host, RecordingWriter writer, ConsoleArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(writer);
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var output = Console.Out;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Recording to {writer.Root} for {arguments.Duration} (Ctrl+C stops sooner)."));
        var progress = Task.Run(async () =>
        {
            await foreach (var file in writer.Written.ReadAllAsync(CancellationToken.None))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{file.RelativePath}  {Size(file.Bytes)}  (total {file.TotalPayloads} payloads, {Size(file.TotalBytes)})"));
            }
        });

        await Task.WhenAny(Task.Delay(arguments.Duration, stopping), writer.Stopped);

        // Stop the pollers first, so nothing is written after the summary.
        await host.StopAsync(CancellationToken.None);
        writer.Complete();
        await progress;

        var kept = string.Create(CultureInfo.InvariantCulture, $"{writer.Payloads} payloads ({Size(writer.Bytes)}) in {writer.Root}");
        if (writer.Stopped.IsCompleted)
        {
            await Console.Error.WriteLineAsync($"Recording stopped: {await writer.Stopped}. Kept {kept}.");
            return ExitCodes.RecordingStopped;
        }

        await output.WriteLineAsync($"Recorded {kept}. Replay it with: replay {writer.Root}");
        return ExitCodes.Ok;
    }

    private static bool IsConfigured(ConfigurationManager configuration, string source) => source switch
    {
        TransitDashSources.Alerts => !string.IsNullOrWhiteSpace(configuration["TransitDash:Alerts:Url"]),
        _ => configuration.GetSection("TransitDash:" + Section(source)).GetChildren().Any(),
    };

    private static string Section(string source) => source switch
    {
        TransitDashSources.Subway => "Subway",
        TransitDashSources.Citibike => "Citibike",
        _ => "Alerts",
    };

    private static void CheckWritable(string root)
    {
        var probe = Path.Combine(root, ".transitdash-write-check");
        try
        {
            Directory.CreateDirectory(root);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"cannot record to '{root}': {RecordingWriter.Describe(e, root)}", e);
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
    };
}
