using ChangeOrchestrator.Patching.Compliance;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>
/// The servers a change patches, their agents, the patch runs sent to them and their patch compliance.
/// Failures surface as <see cref="FleetException"/>, classified transient or permanent.
/// </summary>
public interface IPatchFleet
{
    /// <summary>The servers the selector picks, EC2 and hybrid, including EC2 instances whose agent never registered.</summary>
    Task<IReadOnlyList<ManagedInstance>> ResolveTargetsAsync(TargetSelector selector, CancellationToken cancellationToken);

    /// <summary>
    /// Every patch group that a live server carries or a patch baseline declares (a declared group may have no
    /// server), ordered by name.
    /// </summary>
    Task<IReadOnlyList<PatchGroupSummary>> ListPatchGroupsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether one patch group is carried by a live server or declared by a patch baseline, with the fewest reads
    /// that prove it (a page of the servers tagged with it), never a read of the whole fleet.
    /// </summary>
    Task<PatchGroupPresence> FindPatchGroupAsync(string name, CancellationToken cancellationToken);

    /// <summary>One status per requested id; ids no agent registered for are <see cref="AgentPingStatus.NotRegistered"/>.</summary>
    Task<IReadOnlyList<AgentStatus>> GetAgentStatusAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the scan or install, or finds the commands an earlier call with the same idempotency token sent;
    /// never sends a second time.
    /// </summary>
    Task<PatchCommandReference> StartPatchOperationAsync(PatchCommandRequest request, CancellationToken cancellationToken);

    Task<PatchCommandStatus> GetPatchOperationStatusAsync(PatchCommandReference reference, CancellationToken cancellationToken);

    /// <summary>Patches the server's baseline approves that are missing or failed to install, as of its last scan or install.</summary>
    Task<IReadOnlyList<MissingPatch>> GetMissingPatchesAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>The same for many servers, read concurrently within the API's rate; keyed by server id.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<MissingPatch>>> GetMissingPatchesAsync(
        IReadOnlyList<string> instanceIds, CancellationToken cancellationToken);

    /// <summary>Compliance summaries; servers that never reported are absent.</summary>
    Task<IReadOnlyList<InstancePatchState>> GetPatchStatesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken);
}
