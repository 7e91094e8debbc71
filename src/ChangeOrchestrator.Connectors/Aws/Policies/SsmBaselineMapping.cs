using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Patching.Policies;

namespace ChangeOrchestrator.Connectors.Aws.Policies;

/// <summary>A policy baseline to and from the members of CreatePatchBaseline / GetPatchBaseline.</summary>
internal static class SsmBaselineMapping
{
    public static BaselinePolicy FromSsm(GetPatchBaselineResponse response) => new()
    {
        Name = response.Name,
        OperatingSystem = response.OperatingSystem?.Value ?? "WINDOWS",
        Description = response.Description,
        ApprovalRules = [.. (response.ApprovalRules?.PatchRules ?? []).Select(rule => new PatchRulePolicy
        {
            Filters = Filters(rule.PatchFilterGroup),
            ComplianceLevel = rule.ComplianceLevel?.Value ?? "UNSPECIFIED",
            ApproveAfterDays = rule.ApproveAfterDays,
            ApproveUntilDate = AwsText.OrNull(rule.ApproveUntilDate),
            EnableNonSecurity = rule.EnableNonSecurity ?? false,
        })],
        ApprovedPatches = response.ApprovedPatches ?? [],
        ApprovedPatchesComplianceLevel = response.ApprovedPatchesComplianceLevel?.Value ?? "UNSPECIFIED",
        ApprovedPatchesEnableNonSecurity = response.ApprovedPatchesEnableNonSecurity ?? false,
        RejectedPatches = response.RejectedPatches ?? [],
        RejectedPatchesAction = response.RejectedPatchesAction?.Value ?? "ALLOW_AS_DEPENDENCY",
        GlobalFilters = Filters(response.GlobalFilters),
        Sources = [.. (response.Sources ?? []).Select(s => new PatchSourcePolicy(s.Name, s.Products ?? [], s.Configuration))],
        AvailableSecurityUpdatesComplianceStatus = response.AvailableSecurityUpdatesComplianceStatus?.Value,
    };

    public static CreatePatchBaselineRequest Create(BaselinePolicy baseline, string clientToken, List<Tag> tags)
    {
        var members = Members(baseline);
        return new()
        {
            Name = baseline.Name,
            OperatingSystem = baseline.OperatingSystem,
            ClientToken = clientToken,
            Tags = tags,
            Description = members.Description,
            ApprovalRules = members.ApprovalRules,
            ApprovedPatches = members.ApprovedPatches,
            ApprovedPatchesComplianceLevel = members.ApprovedPatchesComplianceLevel,
            ApprovedPatchesEnableNonSecurity = members.ApprovedPatchesEnableNonSecurity,
            RejectedPatches = members.RejectedPatches,
            RejectedPatchesAction = members.RejectedPatchesAction,
            GlobalFilters = members.GlobalFilters,
            Sources = members.Sources,
            AvailableSecurityUpdatesComplianceStatus = members.AvailableSecurityUpdatesComplianceStatus,
        };
    }

    /// <summary>Replace=true: members the policy leaves out are cleared, so SSM ends up exactly as declared.</summary>
    public static UpdatePatchBaselineRequest Update(string baselineId, BaselinePolicy baseline)
    {
        var members = Members(baseline);
        return new()
        {
            BaselineId = baselineId,
            Replace = true,
            Name = baseline.Name,
            Description = members.Description,
            ApprovalRules = members.ApprovalRules,
            ApprovedPatches = members.ApprovedPatches,
            ApprovedPatchesComplianceLevel = members.ApprovedPatchesComplianceLevel,
            ApprovedPatchesEnableNonSecurity = members.ApprovedPatchesEnableNonSecurity,
            RejectedPatches = members.RejectedPatches,
            RejectedPatchesAction = members.RejectedPatchesAction,
            GlobalFilters = members.GlobalFilters,
            Sources = members.Sources,
            AvailableSecurityUpdatesComplianceStatus = members.AvailableSecurityUpdatesComplianceStatus,
        };
    }

    /// <summary>The members create and update share, mapped from the policy in one place.</summary>
    private static BaselineMembers Members(BaselinePolicy baseline) => new(
        baseline.Description,
        Rules(baseline),
        [.. baseline.ApprovedPatches],
        baseline.ApprovedPatchesComplianceLevel,
        baseline.ApprovedPatchesEnableNonSecurity,
        [.. baseline.RejectedPatches],
        baseline.RejectedPatchesAction,
        FilterGroup(baseline.GlobalFilters),
        [.. baseline.Sources.Select(s => new PatchSource { Name = s.Name, Products = [.. s.Products], Configuration = s.Configuration })],
        baseline.AvailableSecurityUpdatesComplianceStatus);

    private static PatchRuleGroup Rules(BaselinePolicy baseline) => new()
    {
        PatchRules = [.. baseline.ApprovalRules.Select(rule => new PatchRule
        {
            PatchFilterGroup = FilterGroup(rule.Filters),
            ComplianceLevel = rule.ComplianceLevel,
            ApproveAfterDays = rule.ApproveAfterDays,
            ApproveUntilDate = rule.ApproveUntilDate,
            EnableNonSecurity = rule.EnableNonSecurity,
        })],
    };

    private static PatchFilterGroup FilterGroup(IReadOnlyList<PatchFilterPolicy> filters) => new()
    {
        PatchFilters = [.. filters.Select(f => new PatchFilter { Key = f.Key, Values = [.. f.Values] })],
    };

    private static List<PatchFilterPolicy> Filters(PatchFilterGroup? group) =>
        [.. (group?.PatchFilters ?? []).Select(f => new PatchFilterPolicy(f.Key?.Value ?? "", f.Values ?? []))];

    private sealed record BaselineMembers(
        string? Description,
        PatchRuleGroup ApprovalRules,
        List<string> ApprovedPatches,
        string ApprovedPatchesComplianceLevel,
        bool ApprovedPatchesEnableNonSecurity,
        List<string> RejectedPatches,
        string RejectedPatchesAction,
        PatchFilterGroup GlobalFilters,
        List<PatchSource> Sources,
        string? AvailableSecurityUpdatesComplianceStatus);
}
