using Microsoft.Extensions.DependencyInjection;
using TransitDash.Polling;

namespace TransitDash;

/// <summary>Registers sources of your own: each gets a snapshot, health, history, attempt records and
/// metrics like the built-in ones, and is polled on its own interval, never overlapping itself.</summary>
public static class TransitDashBuilderExtensions
{
    /// <summary>Registers a source made of a function.</summary>
    /// <typeparam name="T">The data's type (immutable: readers share it).</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The source's name, unique and not one of <see cref="TransitDashSources"/>.</param>
    /// <param name="pollInterval">How often to fetch; positive. Health's <c>StaleAfter</c> must be longer.</param>
    /// <param name="fetch">Fetches the data once; it may throw (the attempt fails and the data held stays).</param>
    /// <returns>The builder.</returns>
    public static ITransitDashBuilder AddSource<T>(this ITransitDashBuilder builder, string name, TimeSpan pollInterval, Func<CancellationToken, Task<T>> fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        return builder.AddSource<T>(name, pollInterval, (_, cancellationToken) => fetch(cancellationToken));
    }

    /// <summary>Registers a source made of a function that uses services.</summary>
    /// <typeparam name="T">The data's type (immutable: readers share it).</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The source's name, unique and not one of <see cref="TransitDashSources"/>.</param>
    /// <param name="pollInterval">How often to fetch; positive. Health's <c>StaleAfter</c> must be longer.</param>
    /// <param name="fetch">Fetches the data once, given the host's services; it may throw.</param>
    /// <returns>The builder.</returns>
    public static ITransitDashBuilder AddSource<T>(this ITransitDashBuilder builder, string name, TimeSpan pollInterval, Func<IServiceProvider, CancellationToken, Task<T>> fetch)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(fetch);
        builder.Services.AddSingleton(new SourceRegistration(
            name,
            pollInterval,
            (services, set) => set.Create(new DelegateSource<T>(name, pollInterval, ct => fetch(services, ct)), name, name)));
        return builder;
    }

    /// <summary>Registers a source object.</summary>
    /// <typeparam name="T">The data's type (immutable: readers share it).</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="source">The source; its name must be unique and not one of <see cref="TransitDashSources"/>.</param>
    /// <returns>The builder.</returns>
    public static ITransitDashBuilder AddSource<T>(this ITransitDashBuilder builder, IPolledSource<T> source)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(source.Name, nameof(source));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(source.PollInterval, TimeSpan.Zero, nameof(source));
        builder.Services.AddSingleton(new SourceRegistration(
            source.Name,
            source.PollInterval,
            (_, set) => set.Create(source, source.Name, source.Name)));
        return builder;
    }
}
