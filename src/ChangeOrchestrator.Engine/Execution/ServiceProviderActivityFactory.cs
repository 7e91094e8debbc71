using ChangeOrchestrator.Engine.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Engine.Execution;

internal sealed class ServiceProviderActivityFactory(IServiceProvider services) : IActivityFactory
{
    public IActivity Create(ActivityDescriptor descriptor) =>
        (IActivity)ActivatorUtilities.CreateInstance(services, descriptor.ClrType);
}
