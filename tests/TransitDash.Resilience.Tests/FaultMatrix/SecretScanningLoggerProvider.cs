using Microsoft.Extensions.Logging;

namespace TransitDash.Resilience.Tests.FaultMatrix;

/// <summary>Reads every log line the web host writes, at every level, with its exception, and keeps only the
/// lines that contain a secret (and a count of all): storing every line would itself grow memory.</summary>
internal sealed class SecretScanningLoggerProvider(string secret) : ILoggerProvider
{
    private readonly List<string> _leaks = [];
    private long _lines;

    public long Lines => Interlocked.Read(ref _lines);

    public IReadOnlyList<string> Leaks
    {
        get
        {
            lock (_leaks)
            {
                return [.. _leaks];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Scanner(this, categoryName);

    public void Dispose()
    {
    }

    private void Scan(string category, string message, Exception? exception)
    {
        Interlocked.Increment(ref _lines);
        var text = exception is null ? message : $"{message}\n{exception}";
        if (text.Contains(secret, StringComparison.Ordinal))
        {
            lock (_leaks)
            {
                _leaks.Add($"{category}: {text}");
            }
        }
    }

    private sealed class Scanner(SecretScanningLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Structured values too: a secret could sit in a property that the message template leaves out.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            provider.Scan(category, $"{formatter(state, exception)} {values}", exception);
        }
    }
}
