using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using TransitDash.ConsoleHost.Board;
using TransitDash.ConsoleHost.Hosting;
using TransitDash.Health;
using TransitDash.Snapshots;

namespace TransitDash.ConsoleHost.Commands;

/// <summary>The board: live until Ctrl+C (redrawn on every new snapshot and each second), or once.</summary>
internal sealed class BoardCommand(IHost host, ConsoleArguments arguments, LogGate logGate)
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly SnapshotStore store = host.Services.GetRequiredService<SnapshotStore>();
    private readonly HealthMonitor monitor = host.Services.GetRequiredService<HealthMonitor>();
    private readonly TimeProvider time = host.Services.GetRequiredService<TimeProvider>();
    private readonly CancellationToken stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
    private readonly OutputMode mode = OutputModes.Detect(
        Console.IsOutputRedirected,
        Environment.GetEnvironmentVariable("TERM"),
        AnsiConsole.Profile.Capabilities.Ansi);

    public async Task<int> RunAsync() => arguments.Once ? await OnceAsync() : await LiveAsync();

    private BoardSnapshot Take() => BoardSnapshot.Take(store, monitor, time.GetUtcNow());

    private async Task<int> OnceAsync()
    {
        await FirstAttempts.WaitAsync(store, arguments.Timeout, stopping);
        if (stopping.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }

        var board = Take();
        if (arguments.Json)
        {
            using var stdout = Console.OpenStandardOutput();
            BoardJson.Write(board, stdout);
            stdout.WriteByte((byte)'\n');
        }
        else if (mode == OutputMode.Plain)
        {
            PlainBoard.Write(board, Console.Out);
        }
        else
        {
            AnsiConsole.Write(BoardView.Render(board, AnsiConsole.Profile.Width));
        }

        return board.EverySourceHasData ? ExitCodes.Ok : ExitCodes.SomeSourceHasNoData;
    }

    private async Task<int> LiveAsync()
    {
        using var changes = store.Subscribe();
        if (mode == OutputMode.Plain)
        {
            // Lines cannot be redrawn: a new board is printed for each new snapshot, not each second.
            while (await NextChangeAsync(changes, wait: Timeout.InfiniteTimeSpan))
            {
                PlainBoard.Write(Take(), Console.Out);
                await Console.Out.WriteLineAsync();
            }

            return ExitCodes.Ok;
        }

        logGate.Quiet = !Console.IsErrorRedirected;
        try
        {
            await AnsiConsole.Live(BoardView.Render(Take(), AnsiConsole.Profile.Width))
                .AutoClear(false)
                .Overflow(VerticalOverflow.Ellipsis)
                .Cropping(VerticalOverflowCropping.Bottom)
                .StartAsync(async context =>
                {
                    do
                    {
                        // The width is read on every redraw, so the board follows a resized terminal.
                        context.UpdateTarget(BoardView.Render(Take(), AnsiConsole.Profile.Width));
                        context.Refresh();
                    }
                    while (await NextChangeAsync(changes, Tick) || !stopping.IsCancellationRequested);
                });
        }
        finally
        {
            logGate.Quiet = false;
        }

        return ExitCodes.Ok;
    }

    /// <summary>Waits for the next change (draining any that queued up with it) or the wait; false once the host is stopping.</summary>
    private async Task<bool> NextChangeAsync(SnapshotSubscription changes, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        try
        {
            if (!await changes.Reader.WaitToReadAsync(linked.Token))
            {
                return false;
            }

            while (changes.Reader.TryRead(out _))
            {
            }

            return !stopping.IsCancellationRequested;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
