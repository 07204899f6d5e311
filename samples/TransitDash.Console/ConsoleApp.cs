using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TransitDash.ConsoleHost.Commands;
using TransitDash.ConsoleHost.Hosting;
using TransitDash.ConsoleHost.Recording;
using TransitDash.Hosting;
using TransitDash.Simulator;

namespace TransitDash.ConsoleHost;

/// <summary>Runs the console host: parses the arguments, builds the host from the configuration, starts
/// the pollers and runs the command.</summary>
internal static class ConsoleApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        ConsoleArguments arguments;
        try
        {
            arguments = ConsoleArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"TransitDash.Console: {e.Message}. Run with --help to see the commands and options.");
            return ExitCodes.BadInput;
        }

        if (arguments.Command == ConsoleCommand.Help)
        {
            await Console.Out.WriteLineAsync(HelpText.Text);
            return ExitCodes.Ok;
        }

        var logGate = new LogGate();
        DemoUpstream? demo = null;
        IHost? host = null;
        RecordingWriter? recorder = null;
        var started = false;
        try
        {
            try
            {
                var configPath = ConfigFile.Locate(arguments.Host.ConfigPath, Environment.CurrentDirectory);
                var builder = ConsoleHostBuilder.Create(arguments, configPath);
                if (arguments.Host.Demo)
                {
                    var scenario = DemoMode.Scenario(builder.Configuration);
                    demo = await DemoUpstream.StartAsync(scenario, TimeProvider.System);
                    builder.Configuration.AddInMemoryCollection(DemoMode.Overrides(builder.Configuration, demo, scenario));
                }

                if (arguments.Command == ConsoleCommand.Replay)
                {
                    ReplayPlan.Read(arguments.ReplayDirectory!).Apply(builder.Configuration);
                }

                if (arguments.Command == ConsoleCommand.Record)
                {
                    recorder = RecordCommand.Prepare(builder.Configuration, arguments);
                }

                ConsoleHostBuilder.AddServices(builder, arguments, logGate);
                if (recorder is not null)
                {
                    RecordCommand.Register(builder.Services, recorder);
                }

                host = builder.Build();
                host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TransitDash.Console")
                    .LogInformation("Configuration loaded from {ConfigPath}", configPath);
                await host.StartAsync();
                started = true;
            }
            catch (Exception e) when (StartupProblems.Describe(e) is { } problems)
            {
                await Console.Error.WriteLineAsync(problems);
                return ExitCodes.BadInput;
            }

            return recorder is not null
                ? await RecordCommand.RunAsync(host, recorder, arguments)
                : await new BoardCommand(host, arguments, logGate).RunAsync();
        }
        finally
        {
            if (started)
            {
                await host!.StopAsync(CancellationToken.None);
            }

            host?.Dispose();

            recorder?.Dispose();
            if (demo is not null)
            {
                await demo.DisposeAsync();
            }
        }
    }
}
