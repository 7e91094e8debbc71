using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Compliance;

/// <summary>Patch compliance items of the given nodes: one per reported patch, with the patch details.</summary>
internal sealed class ListComplianceItemsOperation : ISsmOperation
{
    private static readonly string[] Keys = ["ComplianceType", "Status", "Severity", "Id"];

    public string Name => "ListComplianceItems";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var resourceIds = input.Strings("ResourceIds");
        if (input.Strings("ResourceTypes").FirstOrDefault(t => t != "ManagedInstance") is { } type)
        {
            throw new SsmServiceException("InvalidResourceType", $"The resource type {type} is not valid.");
        }

        var filters = ComplianceFilter.Parse(input, Keys);
        var nodes = resourceIds.Count > 0
            ? resourceIds.Select(id => world.Fleet.Find(id) is { IsManaged: true } n ? n : throw new SsmServiceException("InvalidResourceId", $"The resource ID {id} is not valid.")).ToList()
            : [.. world.Fleet.Nodes.Where(n => n.IsManaged && !n.IsTerminated)];
        var items = nodes
            .Select(n => (Node: n, Report: world.Compliance.ReportFor(n)))
            .Where(e => e.Report is not null)
            .SelectMany(e => e.Report!.Rows.Select(row => (e.Node, Report: e.Report!, Row: row)))
            .Where(e => filters.All(f => f.Matches(f.Key switch
            {
                "ComplianceType" => "Patch",
                "Status" => ComplianceSeverity.IsCompliantItem(e.Row) ? "COMPLIANT" : "NON_COMPLIANT",
                "Severity" => e.Row.ComplianceLevel,
                _ => e.Row.Patch.KbId,
            })))
            .ToList();
        var page = SsmPaging.Page(input, world, items, 1, 50, 50);
        var result = new JsonObject
        {
            ["ComplianceItems"] = new JsonArray([.. page.Items.Select(e => (JsonNode)Item(e.Node.InstanceId, e.Report, e.Row))]),
        };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }

    private static JsonObject Item(string instanceId, PatchComplianceReport report, PatchComplianceRow row)
    {
        var details = new JsonObject
        {
            ["Classification"] = row.Patch.Classification,
            ["PatchSeverity"] = row.Patch.Severity,
            ["PatchState"] = row.State,
            ["PatchGroup"] = report.PatchGroup,
            ["PatchBaselineId"] = report.BaselineId,
            ["InstalledTime"] = row.InstalledTime is { } installed ? SsmJson.Iso(installed) : "",
        };
        if (row.State is PatchStates.Missing or PatchStates.Failed && row.Patch.CveIds.Count > 0)
        {
            details["CVEIds"] = row.Patch.CveIdsText;
        }

        return new JsonObject
        {
            ["ComplianceType"] = "Patch",
            ["ResourceType"] = "ManagedInstance",
            ["ResourceId"] = instanceId,
            ["Id"] = row.Patch.KbId,
            ["Title"] = row.Patch.Title,
            ["Status"] = ComplianceSeverity.IsCompliantItem(row) ? "COMPLIANT" : "NON_COMPLIANT",
            ["Severity"] = row.ComplianceLevel,
            ["ExecutionSummary"] = new JsonObject
            {
                ["ExecutionTime"] = SsmJson.Epoch(report.EndTime),
                ["ExecutionId"] = report.SnapshotId,
                ["ExecutionType"] = "Command",
            },
            ["Details"] = details,
        };
    }
}
