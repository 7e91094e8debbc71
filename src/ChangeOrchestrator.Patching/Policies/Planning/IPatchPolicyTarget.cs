namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>Where a patch policy is applied (SSM Patch Manager). Failures surface as <see cref="Fleet.FleetException"/>.</summary>
public interface IPatchPolicyTarget
{
    /// <summary>The custom baselines with their tags, every patch group registration, and the maintenance windows.</summary>
    Task<DeployedPolicy> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes one planned write; creates are idempotent (a client token derived from the content) and tag what they
    /// create managed-by=changeorchestrator. <paramref name="baselineId"/> is the id of the baseline a registration
    /// names. Returns the id of what was created, updated or registered to.
    /// </summary>
    Task<string?> ApplyAsync(PlannedChange change, string? baselineId, CancellationToken cancellationToken);
}
