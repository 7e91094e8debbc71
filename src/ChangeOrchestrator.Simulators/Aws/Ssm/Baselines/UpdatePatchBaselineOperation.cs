using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

/// <summary>
/// UpdatePatchBaseline: members sent replace stored ones; with Replace=true omitted members are cleared too.
/// Every member is validated before any is stored, so a refused update leaves the baseline as it was.
/// </summary>
internal sealed class UpdatePatchBaselineOperation : ISsmOperation
{
    public string Name => "UpdatePatchBaseline";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var baseline = PatchBaselineLookup.FindCustom(world, input.RequiredString("BaselineId"));
        var replace = input.Bool("Replace") ?? false;
        bool Take(string member) => replace || input.Has(member);
        var os = baseline.OperatingSystem;

        var name = input.Has("Name") ? PatchBaselineInput.Name(input) : baseline.Name;
        var description = Take("Description") ? input.String("Description") : baseline.Description;
        var globalFilters = Take("GlobalFilters") ? PatchBaselineInput.Filters(input.Object("GlobalFilters"), "globalFilters", os) : baseline.GlobalFilters;
        var rules = Take("ApprovalRules") ? PatchBaselineInput.Rules(input, os) : baseline.ApprovalRules;
        var approved = Take("ApprovedPatches") ? PatchBaselineInput.PatchList(input, "ApprovedPatches") : baseline.ApprovedPatches;
        var approvedLevel = Take("ApprovedPatchesComplianceLevel")
            ? PatchBaselineInput.ComplianceLevel(input.String("ApprovedPatchesComplianceLevel"))
            : baseline.ApprovedPatchesComplianceLevel;
        var approvedNonSecurity = Take("ApprovedPatchesEnableNonSecurity")
            ? input.Bool("ApprovedPatchesEnableNonSecurity") ?? false
            : baseline.ApprovedPatchesEnableNonSecurity;
        var rejected = Take("RejectedPatches") ? PatchBaselineInput.PatchList(input, "RejectedPatches") : baseline.RejectedPatches;
        var rejectedAction = Take("RejectedPatchesAction")
            ? PatchBaselineInput.RejectedPatchesAction(input.String("RejectedPatchesAction"))
            : baseline.RejectedPatchesAction;
        var sources = Take("Sources") ? input.Raw("Sources") as JsonArray : baseline.Sources;
        var securityStatus = Take("AvailableSecurityUpdatesComplianceStatus")
            ? input.String("AvailableSecurityUpdatesComplianceStatus")
            : baseline.AvailableSecurityUpdatesComplianceStatus;

        baseline.Name = name;
        baseline.Description = description;
        baseline.GlobalFilters = globalFilters;
        baseline.ApprovalRules = rules;
        baseline.ApprovedPatches = approved;
        baseline.ApprovedPatchesComplianceLevel = approvedLevel;
        baseline.ApprovedPatchesEnableNonSecurity = approvedNonSecurity;
        baseline.RejectedPatches = rejected;
        baseline.RejectedPatchesAction = rejectedAction;
        baseline.Sources = sources;
        baseline.AvailableSecurityUpdatesComplianceStatus = securityStatus;
        baseline.ModifiedDate = world.Now;
        return PatchBaselineJson.Baseline(baseline);
    }
}
