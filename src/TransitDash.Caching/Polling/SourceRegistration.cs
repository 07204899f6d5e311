namespace TransitDash.Polling;

/// <summary>A source registered with <c>builder.AddSource(...)</c>, kept in the service collection until the
/// poller starts. Its name and interval are known up front so that options validation can check them.</summary>
/// <param name="Name">The source's name.</param>
/// <param name="PollInterval">How often it is fetched.</param>
/// <param name="Create">Makes the source's refresher.</param>
internal sealed record SourceRegistration(string Name, TimeSpan PollInterval, Func<IServiceProvider, SourceSet, ISourceRefresher> Create);
