using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Connectors.Aws.Fleet;
using ChangeOrchestrator.Patching.Compliance;
using ChangeOrchestrator.Patching.Fleet;
using InstancePatchState = ChangeOrchestrator.Patching.Compliance.InstancePatchState;

namespace ChangeOrchestrator.Connectors.Aws.Compliance;

/// <summary>
/// Patch compliance as the servers last reported it: DescribeInstancePatches and DescribeInstancePatchStates, with
/// each missing patch's release date from DescribeAvailablePatches (the SLA clock starts at the release).
/// </summary>
internal sealed class PatchComplianceReader(AwsClients clients, AwsCalls calls, PatchReleaseDates releases)
{
    /// <summary>DescribeInstancePatchStates takes at most 50 instance ids per call.</summary>
    public const int InstancesPerStatesCall = 50;

    public async Task<IReadOnlyList<MissingPatch>> MissingPatchesAsync(string instanceId, CancellationToken cancellationToken)
    {
        var patches = await ReportedMissingAsync(instanceId, cancellationToken);
        if (patches.Count == 0)
        {
            return patches;
        }

        var dates = await releases.FindAsync([.. patches.Select(p => (p.Id, p.Title))], cancellationToken);
        return [.. patches.Select(p => dates.TryGetValue((p.Id, p.Title), out var released) ? p with { ReleaseDate = released } : p)];
    }

    private Task<IReadOnlyList<MissingPatch>> ReportedMissingAsync(string instanceId, CancellationToken cancellationToken)
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
                patches.Add(new MissingPatch
                {
                    Id = patch.KBId,
                    Title = patch.Title ?? patch.KBId,
                    Classification = Blank(patch.Classification),
                    Severity = Blank(patch.Severity),
                    // The service spells states in PascalCase (Missing, Failed), not like the SDK's constants; compare the text.
                    State = string.Equals(patch.State?.Value, "Failed", StringComparison.OrdinalIgnoreCase) ? MissingPatchState.Failed : MissingPatchState.Missing,
                    CveIds = (patch.CVEIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                });
            }

            return patches;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<InstancePatchState>> PatchStatesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        var states = new List<InstancePatchState>();
        foreach (var batch in instanceIds.Distinct(StringComparer.Ordinal).Chunk(InstancesPerStatesCall))
        {
            var request = new DescribeInstancePatchStatesRequest { InstanceIds = [.. batch], MaxResults = InstancesPerStatesCall };
            await calls.RunAsync("SSM DescribeInstancePatchStates", async token =>
            {
                await foreach (var state in clients.Ssm.Paginators.DescribeInstancePatchStates(request).InstancePatchStates.WithCancellation(token))
                {
                    states.Add(Map(state));
                }

                return true;
            }, cancellationToken);
        }

        return states;
    }

    private static InstancePatchState Map(Amazon.SimpleSystemsManagement.Model.InstancePatchState state) => new()
    {
        InstanceId = state.InstanceId,
        PatchGroup = Blank(state.PatchGroup),
        BaselineId = Blank(state.BaselineId),
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

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
