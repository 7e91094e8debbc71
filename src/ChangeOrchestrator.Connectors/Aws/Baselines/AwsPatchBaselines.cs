using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Connectors.Aws.Fleet;
using ChangeOrchestrator.Patching.Baselines;
using ChangeOrchestrator.Patching.Fleet;
using PatchBaseline = ChangeOrchestrator.Patching.Baselines.PatchBaseline;

namespace ChangeOrchestrator.Connectors.Aws.Baselines;

/// <summary><see cref="IPatchBaselines"/> on SSM Patch Manager.</summary>
internal sealed class AwsPatchBaselines(AwsClients clients, AwsCalls calls) : IPatchBaselines
{
    public Task<IReadOnlyList<PatchBaselineSummary>> ListBaselinesAsync(string? operatingSystem, CancellationToken cancellationToken)
    {
        var request = new DescribePatchBaselinesRequest { MaxResults = 100 };
        if (operatingSystem is not null)
        {
            request.Filters = [new PatchOrchestratorFilter { Key = "OPERATING_SYSTEM", Values = [operatingSystem] }];
        }

        return calls.RunAsync<IReadOnlyList<PatchBaselineSummary>>("SSM DescribePatchBaselines", async token =>
        {
            var baselines = new List<PatchBaselineSummary>();
            await foreach (var identity in clients.Ssm.Paginators.DescribePatchBaselines(request).BaselineIdentities.WithCancellation(token))
            {
                baselines.Add(new PatchBaselineSummary
                {
                    BaselineId = identity.BaselineId,
                    Name = identity.BaselineName,
                    OperatingSystem = identity.OperatingSystem?.Value ?? "",
                    Description = identity.BaselineDescription,
                    IsDefault = identity.DefaultBaseline ?? false,
                });
            }

            return baselines;
        }, cancellationToken);
    }

    public async Task<PatchBaseline> GetBaselineAsync(string baselineId, CancellationToken cancellationToken)
    {
        var response = await calls.RunAsync("SSM GetPatchBaseline", token =>
            clients.Ssm.GetPatchBaselineAsync(new GetPatchBaselineRequest { BaselineId = baselineId }, token), cancellationToken);
        return new PatchBaseline
        {
            BaselineId = response.BaselineId,
            Name = response.Name,
            OperatingSystem = response.OperatingSystem?.Value ?? "",
            Description = response.Description,
            ApprovalRules = [.. (response.ApprovalRules?.PatchRules ?? []).Select(Rule)],
            ApprovedPatches = response.ApprovedPatches ?? [],
            RejectedPatches = response.RejectedPatches ?? [],
            PatchGroups = response.PatchGroups ?? [],
            CreatedAt = FleetMapping.Utc(response.CreatedDate),
            ModifiedAt = FleetMapping.Utc(response.ModifiedDate),
        };
    }

    public async Task<PatchGroupRegistration> RegisterPatchGroupAsync(string baselineId, string patchGroup, CancellationToken cancellationToken)
    {
        var baseline = await GetBaselineAsync(baselineId, cancellationToken);
        if (baseline.PatchGroups.Contains(patchGroup, StringComparer.Ordinal))
        {
            return new PatchGroupRegistration
            {
                PatchGroup = patchGroup, BaselineId = baseline.BaselineId, OperatingSystem = baseline.OperatingSystem, AlreadyRegistered = true,
            };
        }

        try
        {
            await calls.RunAsync("SSM RegisterPatchBaselineForPatchGroup", token => clients.Ssm.RegisterPatchBaselineForPatchGroupAsync(
                new RegisterPatchBaselineForPatchGroupRequest { BaselineId = baseline.BaselineId, PatchGroup = patchGroup }, token), cancellationToken);
        }
        catch (FleetException error) when (error.ErrorCode == "AlreadyExistsException")
        {
            var current = await GetBaselineForPatchGroupAsync(patchGroup, baseline.OperatingSystem, cancellationToken);
            if (current.BaselineId != baseline.BaselineId)
            {
                throw new FleetException(
                    $"Patch group '{patchGroup}' is already registered to baseline {current.BaselineId} for {baseline.OperatingSystem}; deregister it there first.",
                    isTransient: false, error.ErrorCode, error);
            }

            // Registered by someone else between our read and our call: the outcome we wanted.
            return current with { AlreadyRegistered = true };
        }

        return new PatchGroupRegistration { PatchGroup = patchGroup, BaselineId = baseline.BaselineId, OperatingSystem = baseline.OperatingSystem };
    }

    public async Task<PatchGroupRegistration> GetBaselineForPatchGroupAsync(string patchGroup, string operatingSystem, CancellationToken cancellationToken)
    {
        var response = await calls.RunAsync("SSM GetPatchBaselineForPatchGroup", token => clients.Ssm.GetPatchBaselineForPatchGroupAsync(
            new GetPatchBaselineForPatchGroupRequest { PatchGroup = patchGroup, OperatingSystem = operatingSystem }, token), cancellationToken);
        return new PatchGroupRegistration
        {
            PatchGroup = response.PatchGroup ?? patchGroup,
            BaselineId = response.BaselineId,
            OperatingSystem = response.OperatingSystem?.Value ?? operatingSystem,
            AlreadyRegistered = true,
        };
    }

    private static PatchApprovalRule Rule(PatchRule rule) => new()
    {
        Filters = (rule.PatchFilterGroup?.PatchFilters ?? []).ToDictionary(
            f => f.Key.Value, f => (IReadOnlyList<string>)(f.Values ?? []), StringComparer.Ordinal),
        ApproveAfterDays = rule.ApproveAfterDays,
        ApproveUntilDate = rule.ApproveUntilDate,
        ComplianceLevel = rule.ComplianceLevel?.Value,
    };
}
