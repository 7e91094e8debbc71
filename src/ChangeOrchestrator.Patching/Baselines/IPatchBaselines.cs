namespace ChangeOrchestrator.Patching.Baselines;

/// <summary>Patch baselines and the patch groups registered to them. Failures surface as <see cref="Fleet.FleetException"/>.</summary>
public interface IPatchBaselines
{
    /// <summary>Every baseline, the service's own and the account's, optionally for one operating system.</summary>
    Task<IReadOnlyList<PatchBaselineSummary>> ListBaselinesAsync(string? operatingSystem, CancellationToken cancellationToken);

    Task<PatchBaseline> GetBaselineAsync(string baselineId, CancellationToken cancellationToken);

    /// <summary>
    /// Registers the patch group to the baseline; already registered to it is success. A group already registered to
    /// another baseline of the same operating system is refused (permanent), naming that baseline.
    /// </summary>
    Task<PatchGroupRegistration> RegisterPatchGroupAsync(string baselineId, string patchGroup, CancellationToken cancellationToken);

    /// <summary>The baseline servers of the group and operating system patch against; the default baseline when none is registered.</summary>
    Task<PatchGroupRegistration> GetBaselineForPatchGroupAsync(string patchGroup, string operatingSystem, CancellationToken cancellationToken);
}
