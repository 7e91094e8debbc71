using ChangeOrchestrator.Engine.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Engine.Observation;

public static class InstanceChangeFeedServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="InstanceChangeFeed"/> and wraps the instance store registered so far so that every
    /// commit is published. Call it after the store's registration (the persistence's).
    /// </summary>
    public static IServiceCollection AddInstanceChangeFeed(this IServiceCollection services)
    {
        services.AddSingleton<InstanceChangeFeed>();
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IWorkflowInstanceStore))
            ?? throw new InvalidOperationException("Register the workflow instance store before the instance change feed.");
        services.Remove(registered);
        services.AddSingleton<IWorkflowInstanceStore>(sp => new NotifyingInstanceStore(Inner(sp, registered), sp.GetRequiredService<InstanceChangeFeed>()));
        return services;
    }

    private static IWorkflowInstanceStore Inner(IServiceProvider services, ServiceDescriptor registered) => registered switch
    {
        { ImplementationInstance: IWorkflowInstanceStore store } => store,
        { ImplementationFactory: { } factory } => (IWorkflowInstanceStore)factory(services),
        { ImplementationType: { } type } => (IWorkflowInstanceStore)ActivatorUtilities.CreateInstance(services, type),
        _ => throw new InvalidOperationException("The workflow instance store's registration cannot be wrapped."),
    };
}
