namespace TransitDash.Web.Tests.Support;

/// <summary>Tests that start the host as a process run alone, after the others: their time limits (a board
/// within 10 s, a stop within 5 s) are the issue's, and must not be spent waiting for a shared CPU.</summary>
[CollectionDefinition(nameof(HostProcessCollection), DisableParallelization = true)]
public sealed class HostProcessCollection;
