using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Connectors.Aws.Fleet;
using ChangeOrchestrator.Connectors.Aws.RateLimits;
using ChangeOrchestrator.Patching.Compliance;
using Microsoft.Extensions.Options;
using InstancePatchState = ChangeOrchestrator.Patching.Compliance.InstancePatchState;

namespace ChangeOrchestrator.Connectors.Aws.Compliance;

/// <summary>
/// Patch compliance as the servers last reported it: DescribeInstancePatches and DescribeInstancePatchStates, with
/// each missing patch's release date from DescribeAvailablePatches (the SLA clock starts at the release).
/// </summary>
internal sealed class PatchComplianceReader(AwsClients clients, AwsCalls calls, IOptions<AwsOptions> options, PatchReleaseDates releases)
{
    /// <summary>DescribeInstancePatchStates takes at most 50 instance ids per call.</summary>
    public const int InstancesPerStatesCall = 50;

    /// <summary>
    /// Each server's missing patches (one server or a fleet alike): one call (and its pages) per server, as many in
    /// flight as allowed, then the release dates of all of them together, so servers missing the same patch do not
    /// each ask for its date.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<MissingPatch>>> MissingPatchesAsync(
        IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
    {
        var distinct = instanceIds.Distinct(StringComparer.Ordinal).ToList();
        var catalog = new MissingPatchCatalog();
        var read = await FanOut.MapAsync(distinct, options.Value.MaxConcurrentCalls, async (id, token) => await ReportedMissingAsync(id, catalog, token), cancellationToken);
        var patches = catalog.Patches.ToList();
        var dates = patches.Count == 0
            ? new Dictionary<(string Id, string Title), DateTimeOffset>()
            : await releases.FindAsync([.. patches.Select(p => (p.Id, p.Title)).Distinct()], cancellationToken);

        // Dated once per distinct patch, so the servers that miss it still share one.
        var dated = patches.ToDictionary<MissingPatch, MissingPatch, MissingPatch>(
            patch => patch,
            patch => dates.TryGetValue((patch.Id, patch.Title), out var released) ? patch with { ReleaseDate = released } : patch,
            ReferenceEqualityComparer.Instance);
        return distinct.Select((id, index) => (id, index)).ToDictionary(
            p => p.id,
            p => (IReadOnlyList<MissingPatch>)[.. read[p.index].Select(patch => dated[patch])],
            StringComparer.Ordinal);
    }

    private Task<IReadOnlyList<MissingPatch>> ReportedMissingAsync(string instanceId, MissingPatchCatalog catalog, CancellationToken cancellationToken)
    {
        var request = new DescribeInstancePatchesRequest
        {
            InstanceId = instanceId,
            Filters = [new PatchOrchestratorFilter { Key = "State", Values = ["Missing", "Failed"] }],
            MaxResults = 100,
        };
        return calls.RunAsync<IReadOnlyList<MissingPatch>>("SSM DescribeInstancePatches", async token =>
        {
            var patches = new List<MissingPatch>();
            await foreach (var patch in clients.Ssm.Paginators.DescribeInstancePatches(request).Patches.WithCancellation(token))
            {
                patches.Add(catalog.Share(patch));
            }

            return patches;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<InstancePatchState>> PatchStatesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        var batches = instanceIds.Distinct(StringComparer.Ordinal).Chunk(InstancesPerStatesCall).ToList();
        var read = await FanOut.MapAsync(batches, options.Value.MaxConcurrentCalls, async (batch, cancel) =>
        {
            var request = new DescribeInstancePatchStatesRequest { InstanceIds = [.. batch], MaxResults = InstancesPerStatesCall };
            return await calls.RunAsync("SSM DescribeInstancePatchStates", async token =>
            {
                var states = new List<InstancePatchState>();
                await foreach (var state in clients.Ssm.Paginators.DescribeInstancePatchStates(request).InstancePatchStates.WithCancellation(token))
                {
                    states.Add(Map(state));
                }

                return states;
            }, cancel);
        }, cancellationToken);
        return [.. read.SelectMany(states => states)];
    }

    private static InstancePatchState Map(Amazon.SimpleSystemsManagement.Model.InstancePatchState state) => new()
    {
        InstanceId = state.InstanceId,
        PatchGroup = AwsText.OrNull(state.PatchGroup),
        BaselineId = AwsText.OrNull(state.BaselineId),
        MissingCount = state.MissingCount ?? 0,
        InstalledCount = state.InstalledCount ?? 0,
        FailedCount = state.FailedCount ?? 0,
        InstalledPendingRebootCount = state.InstalledPendingRebootCount ?? 0,
        InstalledRejectedCount = state.InstalledRejectedCount ?? 0,
        InstalledOtherCount = state.InstalledOtherCount ?? 0,
        NotApplicableCount = state.NotApplicableCount ?? 0,
        OtherNonCompliantCount = state.OtherNonCompliantCount ?? 0,
        CriticalNonCompliantCount = state.CriticalNonCompliantCount ?? 0,
        SecurityNonCompliantCount = state.SecurityNonCompliantCount ?? 0,
        LastOperation = state.Operation == PatchOperationType.Install ? PatchOperation.Install : PatchOperation.Scan,
        LastOperationStartedAt = FleetMapping.Utc(state.OperationStartTime) ?? DateTimeOffset.MinValue,
        LastOperationEndedAt = FleetMapping.Utc(state.OperationEndTime) ?? DateTimeOffset.MinValue,
        LastNoRebootInstallAt = FleetMapping.Utc(state.LastNoRebootInstallOperationTime),
    };
}
