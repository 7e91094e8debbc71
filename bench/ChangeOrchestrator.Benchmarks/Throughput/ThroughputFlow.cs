using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Benchmarks.Throughput;

/// <summary>
/// Ten activities that never block: five SetVariable and five Decision, each input an expression. With the sample
/// input every Decision is true, so all ten run and <c>vars.total</c> ends at 70.
/// </summary>
internal static class ThroughputFlow
{
    public const string Id = "bench-throughput";

    public const string Json = """
        {
          "id": "bench-throughput",
          "name": "Throughput benchmark: ten non-blocking activities",
          "inputs": [
            { "name": "environment", "type": "string", "required": true },
            { "name": "count", "type": "integer", "required": true }
          ],
          "variables": [
            { "name": "total", "type": "integer", "default": 0 },
            { "name": "label", "type": "string", "default": "" },
            { "name": "approved", "type": "boolean", "default": false }
          ],
          "activities": [
            { "id": "double", "type": "SetVariable", "inputs": { "name": "total", "value": { "js": "input.count * 2" } } },
            { "id": "isProd", "type": "Decision", "inputs": { "condition": { "js": "input.environment === 'Prod' && input.count > 0" } } },
            { "id": "label", "type": "SetVariable", "inputs": { "name": "label", "value": { "js": "input.environment + '-' + vars.total" } } },
            { "id": "hasTotal", "type": "Decision", "inputs": { "condition": { "js": "vars.total > 1" } } },
            { "id": "increment", "type": "SetVariable", "inputs": { "name": "total", "value": { "js": "vars.total + 1" } } },
            { "id": "hasLabel", "type": "Decision", "inputs": { "condition": { "js": "vars.label.length > 0" } } },
            { "id": "approve", "type": "SetVariable", "inputs": { "name": "approved", "value": { "js": "vars.total % 2 === 1" } } },
            { "id": "isApproved", "type": "Decision", "inputs": { "condition": { "js": "vars.approved === true" } } },
            { "id": "scale", "type": "SetVariable", "inputs": { "name": "total", "value": { "js": "vars.total * 10" } } },
            { "id": "isLarge", "type": "Decision", "inputs": { "condition": { "js": "vars.total >= 10" } } }
          ],
          "connections": [
            { "from": "double", "to": "isProd" },
            { "from": "isProd", "outcome": "True", "to": "label" },
            { "from": "label", "to": "hasTotal" },
            { "from": "hasTotal", "outcome": "True", "to": "increment" },
            { "from": "increment", "to": "hasLabel" },
            { "from": "hasLabel", "outcome": "True", "to": "approve" },
            { "from": "approve", "to": "isApproved" },
            { "from": "isApproved", "outcome": "True", "to": "scale" },
            { "from": "scale", "to": "isLarge" }
          ]
        }
        """;

    public static JsonObject Input() => new() { ["environment"] = "Prod", ["count"] = 3 };

    /// <exception cref="InvalidOperationException">The instance did not run all ten activities to completion.</exception>
    public static void EnsureCompleted(WorkflowInstance instance)
    {
        var total = instance.Variables["total"]?.ToJsonString();
        if (instance.Status != InstanceStatus.Completed || total != "70")
        {
            throw new InvalidOperationException(
                $"Instance {instance.Id} ended {instance.Status} with total {total ?? "null"}; expected Completed with 70. {instance.Incident}");
        }
    }
}
