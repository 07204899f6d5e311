using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace TransitDash.Options;

/// <summary>Checks <see cref="RedisSnapshotOptions"/> at start, reporting every problem at once (with the
/// reader's), each as <c>key path: what is wrong</c>.</summary>
/// <param name="requireConfiguration">False where an empty <c>Configuration</c> means "no Redis" (a host's config
/// file): the other keys are still checked, so a typo never hides behind a switched-off section.</param>
internal sealed class RedisSnapshotOptionsValidator(bool requireConfiguration = true) : IValidateOptions<RedisSnapshotOptions>
{
    /// <summary>The shortest lease: renewals go out at a third of it, and must fit a Redis round trip easily.</summary>
    internal static readonly TimeSpan MinimumLease = TimeSpan.FromSeconds(1);

    public ValidateOptionsResult Validate(string? name, RedisSnapshotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = options.ConfigurationPath;
        var problems = new List<string>(options.BindingProblems);

        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            if (requireConfiguration)
            {
                problems.Add($"{root}:Configuration: required (for example localhost:6379); leave Redis out entirely for an in-process cache");
            }
        }
        else if (!TryParse(options.Configuration, out var error))
        {
            // The value is not repeated: it may hold a password.
            problems.Add($"{root}:Configuration: not a StackExchange.Redis configuration string ({error})");
        }

        if (string.IsNullOrWhiteSpace(options.KeyPrefix) || options.KeyPrefix.Any(c => char.IsWhiteSpace(c) || c is '{' or '}'))
        {
            problems.Add($"{root}:KeyPrefix: '{options.KeyPrefix}' must be a non-empty name without spaces or braces");
        }

        if (options.LeaseDuration < MinimumLease)
        {
            problems.Add($"{root}:LeaseDuration: '{DurationText.Format(options.LeaseDuration)}' is shorter than {DurationText.Format(MinimumLease)}");
        }

        if (string.IsNullOrWhiteSpace(options.ReplicaName) || options.ReplicaName.Any(char.IsWhiteSpace))
        {
            problems.Add($"{root}:ReplicaName: '{options.ReplicaName}' must be a non-empty name without spaces");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Distinct());
    }

    private static bool TryParse(string configuration, out string error)
    {
        try
        {
            var parsed = ConfigurationOptions.Parse(configuration);
            error = parsed.EndPoints.Count == 0 ? "it names no endpoint" : string.Empty;
            return parsed.EndPoints.Count > 0;
        }
        catch (ArgumentException e)
        {
            // StackExchange.Redis names the offending keyword, never the password's value.
            error = e.Message;
            return false;
        }
    }
}
