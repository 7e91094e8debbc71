using System.Collections.Concurrent;
using ChangeOrchestrator.Patching.Compliance;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.IntegrationTests.Patching.Support;

/// <summary>
/// A fleet that answers only reads of many servers' missing patches, each held until the test releases it: which
/// pages a reader asks for, in what order, and whether it waits for a read it abandons. Every other call fails the
/// test, as a paged reader has no business making it.
/// </summary>
internal sealed class GatedMissingPatchFleet : IPatchFleet
{
    private readonly ConcurrentQueue<GatedMissingPatchRead> _reads = new();

    public IReadOnlyList<GatedMissingPatchRead> Reads => [.. _reads];

    public Task<IReadOnlyDictionary<string, IReadOnlyList<MissingPatch>>> GetMissingPatchesAsync(
        IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
    {
        var read = new GatedMissingPatchRead(instanceIds, cancellationToken);
        _reads.Enqueue(read);
        return read.Task;
    }

    public Task<IReadOnlyList<ManagedInstance>> ResolveTargetsAsync(TargetSelector selector, CancellationToken cancellationToken) => Unexpected<IReadOnlyList<ManagedInstance>>();

    public Task<IReadOnlyList<PatchGroupSummary>> ListPatchGroupsAsync(CancellationToken cancellationToken) => Unexpected<IReadOnlyList<PatchGroupSummary>>();

    public Task<PatchGroupPresence> FindPatchGroupAsync(string name, CancellationToken cancellationToken) => Unexpected<PatchGroupPresence>();

    public Task<IReadOnlyList<AgentStatus>> GetAgentStatusAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken) => Unexpected<IReadOnlyList<AgentStatus>>();

    public Task<PatchCommandReference> StartPatchOperationAsync(PatchCommandRequest request, CancellationToken cancellationToken) => Unexpected<PatchCommandReference>();

    public Task<PatchCommandStatus> GetPatchOperationStatusAsync(PatchCommandReference reference, CancellationToken cancellationToken) => Unexpected<PatchCommandStatus>();

    public Task<IReadOnlyList<MissingPatch>> GetMissingPatchesAsync(string instanceId, CancellationToken cancellationToken) => Unexpected<IReadOnlyList<MissingPatch>>();

    public Task<IReadOnlyList<InstancePatchState>> GetPatchStatesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken) => Unexpected<IReadOnlyList<InstancePatchState>>();

    private static Task<T> Unexpected<T>() => Task.FromException<T>(new InvalidOperationException("A paged read of missing patches made another fleet call."));
}
