using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Compliance;

/// <summary>Account-wide counts of compliant and non-compliant nodes per compliance type (Patch only).</summary>
internal sealed class ListComplianceSummariesOperation : ISsmOperation
{
    public string Name => "ListComplianceSummaries";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var filters = ComplianceFilter.Parse(input, ["ComplianceType"]);
        var summaries = new List<JsonObject>();
        if (filters.All(f => f.Matches("Patch")))
        {
            var reports = world.Fleet.Nodes.Where(n => n.IsManaged && !n.IsTerminated).Select(world.Compliance.ReportFor).OfType<PatchComplianceReport>().ToList();
            var compliant = reports.Where(r => r.IsCompliant).Select(ComplianceSeverity.Overall).ToList();
            var nonCompliant = reports.Where(r => !r.IsCompliant).Select(ComplianceSeverity.Overall).ToList();
            summaries.Add(new JsonObject
            {
                ["ComplianceType"] = "Patch",
                ["CompliantSummary"] = new JsonObject { ["CompliantCount"] = compliant.Count, ["SeveritySummary"] = ComplianceSeverity.Summary(compliant) },
                ["NonCompliantSummary"] = new JsonObject { ["NonCompliantCount"] = nonCompliant.Count, ["SeveritySummary"] = ComplianceSeverity.Summary(nonCompliant) },
            });
        }

        return new JsonObject { ["ComplianceSummaryItems"] = new JsonArray([.. summaries]) };
    }
}
