using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>Executions of a window, newest first, filtered by ExecutedBefore / ExecutedAfter (ISO-8601).</summary>
internal sealed class DescribeMaintenanceWindowExecutionsOperation : ISsmOperation
{
    public string Name => "DescribeMaintenanceWindowExecutions";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var window = MaintenanceWindowLookup.Window(world, input);
        var filters = input.Objects("Filters").Select(f =>
        {
            var key = f.RequiredString("Key");
            var values = f.Strings("Values");
            if (key is not ("ExecutedBefore" or "ExecutedAfter") || values.Count != 1 || !SsmJson.TryParseIso(values[0], out var instant))
            {
                throw SsmErrors.Validation("filters", "Filters must be ExecutedBefore or ExecutedAfter with one ISO-8601 value", key);
            }

            return (Key: key, Instant: instant);
        }).ToList();
        var executions = Enumerable.Reverse(window.Executions)
            .Where(e => filters.TrueForAll(f => f.Key == "ExecutedBefore" ? e.StartTime <= f.Instant : e.StartTime >= f.Instant))
            .ToList();
        var page = SsmPaging.Page(input, world, executions, 10, 100, 50);
        var result = new JsonObject { ["WindowExecutions"] = new JsonArray([.. page.Items.Select(e => (JsonNode)MaintenanceWindowJson.Execution(e))]) };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }
}
