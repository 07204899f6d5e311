using System.Globalization;

namespace TransitDash.Options;

/// <summary>Reads and writes durations the way TransitDash configuration spells them: <c>30s</c>,
/// <c>1.5s</c>, <c>2m</c>, <c>1h</c>, <c>500ms</c>, <c>1d</c>, or a <see cref="TimeSpan"/> such as
/// <c>00:00:30</c>. The default <see cref="TimeSpan"/> conversion of configuration binding reads only
/// the last form, so every TransitDash section binds its durations through this type.</summary>
public static class DurationText
{
    private static readonly (string Suffix, long Ticks)[] Units =
    [
        ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond),
        ("m", TimeSpan.TicksPerMinute),
        ("h", TimeSpan.TicksPerHour),
        ("d", TimeSpan.TicksPerDay),
    ];

    /// <summary>Parses a duration.</summary>
    /// <param name="text">The text, for example <c>30s</c> or <c>00:00:30</c>; surrounding white space is ignored.</param>
    /// <param name="value">The duration, when the text is one. Negative durations (<c>-5s</c>) parse, so that
    /// validation can name them.</param>
    /// <returns>True when <paramref name="text"/> is a duration.</returns>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.Contains(':'))
        {
            return TimeSpan.TryParse(span, CultureInfo.InvariantCulture, out value);
        }

        // "ms" must be tried before "m" and "s".
        foreach (var (suffix, ticks) in Units.OrderByDescending(u => u.Suffix.Length))
        {
            if (!span.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var number = span[..^suffix.Length].TrimEnd();
            if (number.IsEmpty
                || !decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            if (Math.Abs(amount) > TimeSpan.MaxValue.Ticks / ticks)
            {
                return false;
            }

            value = TimeSpan.FromTicks((long)decimal.Round(amount * ticks));
            return true;
        }

        return false;
    }

    /// <summary>Writes a duration the way configuration spells it: <c>24h</c>, <c>5m</c>, <c>60s</c>,
    /// <c>180s</c>, <c>1.5s</c>, <c>250ms</c>.</summary>
    /// <param name="value">The duration.</param>
    /// <returns>The text; <see cref="TryParse"/> reads it back to the same value (to the microsecond).</returns>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        // Days are read but never written ("24h" reads better in a retention than "1d"), and up to three
        // minutes stay in seconds, as configuration writes them ("60s", "180s"). Decimal, so that even
        // TimeSpan.MinValue has an absolute value.
        decimal ticks = value.Ticks;
        var abs = Math.Abs(ticks);
        if (abs % TimeSpan.TicksPerHour == 0)
        {
            return Text(ticks / TimeSpan.TicksPerHour, "h");
        }

        if (abs % TimeSpan.TicksPerMinute == 0 && abs > 3 * TimeSpan.TicksPerMinute)
        {
            return Text(ticks / TimeSpan.TicksPerMinute, "m");
        }

        return abs >= TimeSpan.TicksPerSecond
            ? Text(ticks / TimeSpan.TicksPerSecond, "s")
            : Text(ticks / TimeSpan.TicksPerMillisecond, "ms");
    }

    private static string Text(decimal amount, string unit) =>
        amount.ToString("0.#######", CultureInfo.InvariantCulture) + unit;
}
