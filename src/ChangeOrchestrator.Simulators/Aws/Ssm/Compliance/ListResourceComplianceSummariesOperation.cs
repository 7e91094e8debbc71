using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Compliance;

/// <summary>Per-node compliance summaries; only the Patch compliance type is simulated.</summary>
internal sealed class ListResourceComplianceSummariesOperation : ISsmOperation
{
    private static readonly string[] Keys = ["ComplianceType", "Status", "OverallSeverity", "ResourceId", "ResourceType"];

    public string Name => "ListResourceComplianceSummaries";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var filters = ComplianceFilter.Parse(input, Keys);
        var items = world.Fleet.Nodes
            .Where(n => n.IsManaged && !n.IsTerminated)
            .Select(n => (Node: n, Report: world.Compliance.ReportFor(n)))
            .Where(e => e.Report is not null)
            .Select(e => (e.Node, Report: e.Report!, Status: e.Report!.IsCompliant ? "COMPLIANT" : "NON_COMPLIANT", Severity: ComplianceSeverity.Overall(e.Report!)))
            .Where(e => filters.All(f => f.Matches(f.Key switch
            {
                "ComplianceType" => "Patch",
                "Status" => e.Status,
                "OverallSeverity" => e.Severity,
                "ResourceId" => e.Node.InstanceId,
                _ => "ManagedInstance",
            })))
            .ToList();
        var page = SsmPaging.Page(input, world, items, 1, 50, 50);
        var result = new JsonObject
        {
            ["ResourceComplianceSummaryItems"] = new JsonArray([.. page.Items.Select(e => (JsonNode)Item(e.Node, e.Report, e.Status, e.Severity))]),
        };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }

    private static JsonObject Item(FleetNode node, PatchComplianceReport report, string status, string severity)
    {
        var compliant = report.Rows.Where(ComplianceSeverity.IsCompliantItem).Select(r => r.ComplianceLevel).ToList();
        var nonCompliant = report.Rows.Where(r => !ComplianceSeverity.IsCompliantItem(r)).Select(r => r.ComplianceLevel).ToList();
        return new JsonObject
        {
            ["ComplianceType"] = "Patch",
            ["ResourceType"] = "ManagedInstance",
            ["ResourceId"] = node.InstanceId,
            ["Status"] = status,
            ["OverallSeverity"] = severity,
            ["ExecutionSummary"] = new JsonObject
            {
                ["ExecutionTime"] = SsmJson.Epoch(report.EndTime),
                ["ExecutionId"] = report.SnapshotId,
                ["ExecutionType"] = "Command",
            },
            ["CompliantSummary"] = new JsonObject { ["CompliantCount"] = compliant.Count, ["SeveritySummary"] = ComplianceSeverity.Summary(compliant) },
            ["NonCompliantSummary"] = new JsonObject { ["NonCompliantCount"] = nonCompliant.Count, ["SeveritySummary"] = ComplianceSeverity.Summary(nonCompliant) },
        };
    }
}
