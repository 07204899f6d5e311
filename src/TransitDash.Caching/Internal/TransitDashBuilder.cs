using Microsoft.Extensions.DependencyInjection;

namespace TransitDash.Internal;

internal sealed class TransitDashBuilder(IServiceCollection services) : ITransitDashBuilder
{
    public IServiceCollection Services => services;
}
