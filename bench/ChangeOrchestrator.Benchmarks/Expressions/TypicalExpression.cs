using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Expressions;

namespace ChangeOrchestrator.Benchmarks.Expressions;

/// <summary>An activity input as workflows write them, with a scope shaped like a real instance's; it is true.</summary>
internal static class TypicalExpression
{
    public const string Text = "input.environment === 'Prod' && steps.scan.missing > 0";

    public static ExpressionContext Context(DateTimeOffset now) => new(
        Input: new JsonObject { ["environment"] = "Prod", ["change"] = "servicenow:CHG0030012", ["waveSize"] = 20 },
        Variables: new JsonObject { ["wave"] = 1, ["approvedBy"] = "cab" },
        Steps: new JsonObject { ["scan"] = new JsonObject { ["missing"] = 3, ["installed"] = 41, ["host"] = "web-01" } },
        Instance: new JsonObject { ["id"] = "0193f2c4a1b27c5e9d6f", ["definitionId"] = "rolling-waves" },
        Now: now);

    /// <exception cref="InvalidOperationException">The evaluation did not return true.</exception>
    public static void EnsureTrue(JsonNode? result)
    {
        if (result?.GetValueKind() != System.Text.Json.JsonValueKind.True)
        {
            throw new InvalidOperationException($"'{Text}' returned {result?.ToJsonString() ?? "null"}, expected true.");
        }
    }
}
