using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

/// <summary>UpdatePatchBaseline: members sent replace stored ones; with Replace=true omitted members are cleared too.</summary>
internal sealed class UpdatePatchBaselineOperation : ISsmOperation
{
    public string Name => "UpdatePatchBaseline";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var baseline = PatchBaselineLookup.FindCustom(world, input.RequiredString("BaselineId"));
        var replace = input.Bool("Replace") ?? false;
        bool Take(string member) => replace || input.Has(member);

        if (input.Has("Name"))
        {
            baseline.Name = PatchBaselineInput.Name(input);
        }

        if (Take("Description"))
        {
            baseline.Description = input.String("Description");
        }

        if (Take("GlobalFilters"))
        {
            baseline.GlobalFilters = PatchBaselineInput.Filters(input.Object("GlobalFilters"), "globalFilters");
        }

        if (Take("ApprovalRules"))
        {
            baseline.ApprovalRules = PatchBaselineInput.Rules(input, baseline.OperatingSystem);
        }

        if (Take("ApprovedPatches"))
        {
            baseline.ApprovedPatches = PatchBaselineInput.PatchList(input, "ApprovedPatches");
        }

        if (Take("ApprovedPatchesComplianceLevel"))
        {
            baseline.ApprovedPatchesComplianceLevel = PatchBaselineInput.ComplianceLevel(input.String("ApprovedPatchesComplianceLevel"));
        }

        if (Take("ApprovedPatchesEnableNonSecurity"))
        {
            baseline.ApprovedPatchesEnableNonSecurity = input.Bool("ApprovedPatchesEnableNonSecurity") ?? false;
        }

        if (Take("RejectedPatches"))
        {
            baseline.RejectedPatches = PatchBaselineInput.PatchList(input, "RejectedPatches");
        }

        if (Take("RejectedPatchesAction"))
        {
            baseline.RejectedPatchesAction = PatchBaselineInput.RejectedPatchesAction(input.String("RejectedPatchesAction"));
        }

        if (Take("Sources"))
        {
            baseline.Sources = input.Raw("Sources") as JsonArray;
        }

        if (Take("AvailableSecurityUpdatesComplianceStatus"))
        {
            baseline.AvailableSecurityUpdatesComplianceStatus = input.String("AvailableSecurityUpdatesComplianceStatus");
        }

        baseline.ModifiedDate = world.Now;
        return PatchBaselineJson.Baseline(baseline);
    }
}
