using Microsoft.Extensions.Options;

namespace TransitDash.Hosting;

/// <summary>Turns what stops a host at start (bad arguments, a missing or malformed config.yaml, invalid
/// options) into one message listing every problem; other exceptions are not startup problems.</summary>
public static class StartupProblems
{
    public static string? Describe(Exception exception)
    {
        var problems = new List<string>();
        Collect(exception, problems);
        return problems.Count == 0 ? null : "TransitDash cannot start: fix the configuration and try again.\n" + string.Join("\n", problems.Select(p => "  - " + p));
    }

    private static void Collect(Exception exception, List<string> problems)
    {
        switch (exception)
        {
            case AggregateException aggregate:
                foreach (var inner in aggregate.InnerExceptions)
                {
                    Collect(inner, problems);
                }

                break;
            case OptionsValidationException validation:
                problems.AddRange(validation.Failures.SelectMany(f => f.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
                break;
            case IOException when exception.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException:
                problems.Add($"{exception.Message} Stop the other program or choose another address with --urls.");
                break;
            case ArgumentException or FileNotFoundException:
                problems.Add(exception.Message);
                break;
            case InvalidDataException or FormatException:
                problems.Add(exception.InnerException is FormatException format ? $"{exception.Message.TrimEnd('.')}: {format.Message}" : exception.Message);
                break;
        }
    }
}
