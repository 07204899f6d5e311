namespace TransitDash.ConsoleHost.Commands;

/// <summary>What <c>--help</c> prints.</summary>
internal static class HelpText
{
    public const string Text = """
        TransitDash console: the live transit board in a terminal, the board once as text or JSON, and
        recordings of the feeds to replay later. It reads the same config.yaml as the web host.

        Usage:
          TransitDash.Console [options]                  the live board; Ctrl+C quits
          TransitDash.Console --once [--json] [--timeout 30s] [--at TIME]
          TransitDash.Console record --out DIR [--duration 10m] [--sources subway,citibike,alerts]
          TransitDash.Console replay DIR [--once] [--json] [--timeout 30s] [--at TIME]
          TransitDash.Console --help

        Commands:
          (none)        Show the board: next trains per station and direction, bikes, e-bikes and docks
                        per station, each source's health. Plain lines when the output is not a terminal.
          record        Poll the feeds and save every payload as received, with a .meta.json sidecar
                        (response time and headers), under DIR/subway/<feed>/, DIR/alerts/ and
                        DIR/citibike/<snapshot>/. Prints the disk used as it goes.
          replay DIR    Show the board from a recording made by record: every feed is pointed at it and
                        the clock starts at the recording's start.

        Options:
          --once                 Wait for the first fetch of every source, print the board once, exit.
          --json                 Print one JSON document instead of the board: subway, citibike, alerts and
                                 health, each the body of the web API's endpoint. Implies --once.
          --timeout DURATION     How long --once waits for the first fetches (default 30s).
          --at TIME              With --once: freeze the clock at TIME (ISO 8601 or epoch seconds), so a
                                 recording gives the same output every time.
          --out DIR              record: the folder to write to (created if needed).
          --duration DURATION    record: how long to record (default 10m).
          --sources LIST         record: the sources to record, comma-separated (default: all configured).
          --config PATH          The configuration file (default: ./config.yaml, else the repository's).
          --demo                 Play against the built-in simulated upstream: no network needed.
          --TransitDash:KEY=VAL  Any configuration key; wins over config.yaml and environment variables.
          -h, --help             Show this help.

        Durations are written 30s, 2m, 1h. Logs go to stderr; stdout carries only the board or the JSON.

        Exit codes: 0 done; 1 bad arguments or configuration; 2 (--once) some source has no data (the
        output still shows the rest and the error); 3 (record) a write failed, recording stopped.

        Examples:
          dotnet run --project samples/TransitDash.Console
          dotnet run --project samples/TransitDash.Console -- --demo
          dotnet run --project samples/TransitDash.Console -- --once --json --timeout 10s > board.json
          dotnet run --project samples/TransitDash.Console -- record --out recordings/rush --duration 15m --sources subway,citibike
          dotnet run --project samples/TransitDash.Console -- replay recordings/rush
          dotnet run --project samples/TransitDash.Console -- replay recordings/rush --once --json --at 2019-09-15T00:01:20Z
        """;
}
