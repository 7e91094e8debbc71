using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Patching.AllowedValues;

/// <summary><c>"enumFrom": "serviceDesks"</c>: the service desks this server is configured for, by name.</summary>
public sealed class ServiceDeskValues(IServiceDeskResolver desks) : IAllowedValueSource
{
    public const string Name = "serviceDesks";

    public Task<AllowedValueSet> GetAsync(CancellationToken cancellationToken) => Task.FromResult(new AllowedValueSet
    {
        Values = [.. desks.Names.Order(StringComparer.OrdinalIgnoreCase).Select(name => new AllowedValue(name))],
        IgnoreCase = true,
        EmptyHint = "configure ServiceDesk:ServiceNow or ServiceDesk:Jira",
    });
}
