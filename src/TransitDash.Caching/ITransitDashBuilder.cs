using Microsoft.Extensions.DependencyInjection;

namespace TransitDash;

/// <summary>What <c>AddTransitDash()</c> returns, for follow-up registrations such as
/// <see cref="TransitDashBuilderExtensions.AddSource{T}(ITransitDashBuilder, string, TimeSpan, Func{CancellationToken, Task{T}})"/>.</summary>
public interface ITransitDashBuilder
{
    /// <summary>The service collection TransitDash is registered in.</summary>
    IServiceCollection Services { get; }
}
