using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.IntegrationTests.Patching.Support;

/// <summary>Small workflow files: the frame the engine runs the activities under test in.</summary>
public static class TestWorkflows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>An expression input: <c>{ "js": "..." }</c>.</summary>
    public static object Js(string expression) => new { js = expression };

    /// <summary>A workflow <paramref name="id"/> whose single activity <c>step</c> is a <paramref name="type"/> with these inputs.</summary>
    public static string OneStep(string id, string type, object inputs) => Chain(id, new TestStep("step", type, inputs));

    /// <summary>A workflow of steps run one after the other.</summary>
    public static string Chain(string id, params TestStep[] steps) => new JsonObject
    {
        ["id"] = id,
        ["name"] = id,
        ["activities"] = new JsonArray([.. steps.Select(Activity)]),
        ["connections"] = new JsonArray([.. steps.Zip(steps.Skip(1)).Select(p => (JsonNode)new JsonObject
        {
            ["from"] = p.First.Id,
            ["outcome"] = p.Second.After,
            ["to"] = p.Second.Id,
        })]),
    }.ToJsonString();

    private static JsonNode Activity(TestStep step)
    {
        var activity = new JsonObject
        {
            ["id"] = step.Id,
            ["type"] = step.Type,
            ["inputs"] = JsonSerializer.SerializeToNode(step.Inputs, Json),
        };
        if (step.Retry is not null)
        {
            activity["retry"] = JsonSerializer.SerializeToNode(step.Retry, Json);
        }

        return activity;
    }

    /// <summary>The step <c>raise</c>: a change in <paramref name="desk"/> for the Dev patch group, submitted for approval.</summary>
    public static TestStep Raise(string desk, string changeType = "normal", bool requestApproval = true) => new("raise", "RaiseChangeRequest", new
    {
        desk,
        shortDescription = "Monthly patching of the Dev patch group",
        plannedStart = "2026-03-07T22:00:00Z",
        plannedEnd = "2026-03-07T23:30:00Z",
        changeType,
        requestApproval,
    });
}
