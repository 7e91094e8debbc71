using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

internal static class PatchBaselineJson
{
    public static JsonObject Baseline(PatchBaseline baseline)
    {
        var json = new JsonObject
        {
            ["BaselineId"] = baseline.BaselineId,
            ["Name"] = baseline.Name,
            ["OperatingSystem"] = baseline.OperatingSystem,
            ["GlobalFilters"] = FilterGroup(baseline.GlobalFilters),
            ["ApprovalRules"] = new JsonObject
            {
                ["PatchRules"] = new JsonArray([.. baseline.ApprovalRules.Select(rule => (JsonNode)Rule(rule))]),
            },
            ["ApprovedPatches"] = SsmJson.Strings(baseline.ApprovedPatches),
            ["ApprovedPatchesComplianceLevel"] = baseline.ApprovedPatchesComplianceLevel,
            ["ApprovedPatchesEnableNonSecurity"] = baseline.ApprovedPatchesEnableNonSecurity,
            ["RejectedPatches"] = SsmJson.Strings(baseline.RejectedPatches),
            ["RejectedPatchesAction"] = baseline.RejectedPatchesAction,
            ["CreatedDate"] = SsmJson.Epoch(baseline.CreatedDate),
            ["ModifiedDate"] = SsmJson.Epoch(baseline.ModifiedDate),
            ["Sources"] = baseline.Sources?.DeepClone() ?? new JsonArray(),
        };
        if (baseline.Description is { } description)
        {
            json["Description"] = description;
        }

        if (baseline.AvailableSecurityUpdatesComplianceStatus is { } status)
        {
            json["AvailableSecurityUpdatesComplianceStatus"] = status;
        }

        return json;
    }

    public static JsonObject Identity(PatchBaseline baseline, bool isDefault)
    {
        var json = new JsonObject
        {
            ["BaselineId"] = baseline.BaselineId,
            ["BaselineName"] = baseline.Name,
            ["OperatingSystem"] = baseline.OperatingSystem,
            ["DefaultBaseline"] = isDefault,
        };
        if (baseline.Description is { } description)
        {
            json["BaselineDescription"] = description;
        }

        return json;
    }

    private static JsonObject Rule(PatchRule rule)
    {
        var json = new JsonObject
        {
            ["PatchFilterGroup"] = FilterGroup(rule.Filters),
            ["ComplianceLevel"] = rule.ComplianceLevel,
            ["EnableNonSecurity"] = rule.EnableNonSecurity,
        };
        if (rule.ApproveAfterDays is { } days)
        {
            json["ApproveAfterDays"] = days;
        }

        if (rule.ApproveUntilDate is { } until)
        {
            json["ApproveUntilDate"] = until;
        }

        return json;
    }

    private static JsonObject FilterGroup(IEnumerable<PatchFilter> filters) => new()
    {
        ["PatchFilters"] = new JsonArray([.. filters.Select(f => (JsonNode)new JsonObject { ["Key"] = f.Key, ["Values"] = SsmJson.Strings(f.Values) })]),
    };
}
