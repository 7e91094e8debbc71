using ChangeOrchestrator.Engine.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChangeOrchestrator.Server.Database;

/// <summary>Ready only when the workflow store answers a query.</summary>
internal sealed class DatabaseHealthCheck(IWorkflowDefinitionStore definitions) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await definitions.FindAsync("health-probe", null, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The workflow database does not answer.", ex);
        }
    }
}
