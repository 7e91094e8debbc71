using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Compliance;

/// <summary>DescribeInstancePatches: the patches of the node's last compliance report, PascalCase states, CVEs for Missing/Failed.</summary>
internal sealed class DescribeInstancePatchesOperation : ISsmOperation
{
    private static readonly string[] FilterKeys = ["Classification", "KBId", "Severity", "State"];

    public string Name => "DescribeInstancePatches";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var instanceId = input.RequiredString("InstanceId");
        var node = world.Fleet.Find(instanceId);
        if (!InstanceIdFormat.IsValid(instanceId) || node is not { IsManaged: true, IsTerminated: false })
        {
            throw SsmErrors.InvalidInstanceId($"Instance {instanceId} is not a managed node in account {world.Options.AccountId}.");
        }

        var filters = input.Objects("Filters").Select(f => (Key: f.RequiredString("Key"), Values: f.Strings("Values"))).ToList();
        foreach (var (key, values) in filters)
        {
            if (!FilterKeys.Contains(key, StringComparer.Ordinal) || values.Count == 0)
            {
                throw new SsmServiceException("InvalidFilter", $"The filter key {key} is not valid.");
            }

            if (key == "State" && values.FirstOrDefault(v => !PatchStates.All.Contains(v)) is { } state)
            {
                throw new SsmServiceException("InvalidFilter", $"The filter value {state} is not a valid patch state.");
            }
        }

        var rows = (world.Compliance.ReportFor(node)?.Rows ?? [])
            .Where(row => filters.TrueForAll(f => f.Values.Contains(Value(row, f.Key), StringComparer.Ordinal)))
            .ToList();
        var page = SsmPaging.Page(input, world, rows, 10, 100, 10);
        var result = new JsonObject { ["Patches"] = new JsonArray([.. page.Items.Select(r => (JsonNode)PatchStateJson.Patch(r))]) };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }

    private static string Value(PatchComplianceRow row, string key) => key switch
    {
        "Classification" => row.Patch.Classification,
        "KBId" => row.Patch.KbId,
        "Severity" => row.Patch.Severity,
        _ => row.State,
    };
}
