using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChangeOrchestrator.Server.Health;

/// <summary>Ready only while every background worker keeps passing (see <see cref="WorkerHeartbeats"/>).</summary>
internal sealed class WorkersHealthCheck(WorkerHeartbeats heartbeats) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stalled = heartbeats.Stalled();
        return Task.FromResult(stalled.Count == 0
            ? HealthCheckResult.Healthy($"Workers passing: {string.Join(", ", heartbeats.Known.Order(StringComparer.Ordinal))}")
            : HealthCheckResult.Unhealthy($"Workers stalled: {string.Join(", ", stalled.Order(StringComparer.Ordinal))}"));
    }
}
