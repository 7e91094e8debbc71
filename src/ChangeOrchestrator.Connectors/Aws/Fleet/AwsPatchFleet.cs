using ChangeOrchestrator.Connectors.Aws.Compliance;
using ChangeOrchestrator.Patching.Compliance;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary><see cref="IPatchFleet"/> on SSM and EC2.</summary>
internal sealed class AwsPatchFleet(
    TargetResolver resolver, PatchGroupReader patchGroups, PatchCommandSender sender, PatchCommandMonitor monitor, PatchComplianceReader compliance) : IPatchFleet
{
    public Task<IReadOnlyList<ManagedInstance>> ResolveTargetsAsync(TargetSelector selector, CancellationToken cancellationToken) =>
        resolver.ResolveAsync(selector, cancellationToken);

    public Task<IReadOnlyList<PatchGroupSummary>> ListPatchGroupsAsync(CancellationToken cancellationToken) =>
        patchGroups.ListAsync(cancellationToken);

    public Task<PatchGroupPresence> FindPatchGroupAsync(string name, CancellationToken cancellationToken) =>
        patchGroups.FindAsync(name, cancellationToken);

    public Task<IReadOnlyList<AgentStatus>> GetAgentStatusAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken) =>
        resolver.AgentStatusAsync(instanceIds, cancellationToken);

    public Task<PatchCommandReference> StartPatchOperationAsync(PatchCommandRequest request, CancellationToken cancellationToken) =>
        sender.StartAsync(request, cancellationToken);

    public Task<PatchCommandStatus> GetPatchOperationStatusAsync(PatchCommandReference reference, CancellationToken cancellationToken) =>
        monitor.GetAsync(reference, cancellationToken);

    public async Task<IReadOnlyList<MissingPatch>> GetMissingPatchesAsync(string instanceId, CancellationToken cancellationToken) =>
        (await compliance.MissingPatchesAsync([instanceId], cancellationToken))[instanceId];

    public Task<IReadOnlyDictionary<string, IReadOnlyList<MissingPatch>>> GetMissingPatchesAsync(
        IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
        compliance.MissingPatchesAsync(instanceIds, cancellationToken);

    public Task<IReadOnlyList<InstancePatchState>> GetPatchStatesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken) =>
        compliance.PatchStatesAsync(instanceIds, cancellationToken);
}
