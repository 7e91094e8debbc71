using ChangeOrchestrator.Engine.Tests.Support;

namespace ChangeOrchestrator.Engine.Tests.Definitions;

public sealed class WorkflowDefinitionLoaderTests
{
    private static string Invalid(string name) => Path.Combine(AppContext.BaseDirectory, "Definitions", "Invalid", name);

    [Theory]
    [InlineData("not-json.json", "$", "not valid JSON (line 2")]
    [InlineData("unknown-type.json", "$.activities[0].type", "unknown activity type 'Teleport'")]
    [InlineData("unknown-input.json", "$.activities[0].inputs.colour", "'Log' has no input 'colour'")]
    [InlineData("missing-required-input.json", "$.activities[0].inputs", "missing required input 'duration'")]
    [InlineData("wrong-literal-type.json", "$.activities[0].inputs.condition", "expected a boolean, got \"yes\"")]
    [InlineData("bad-enum-literal.json", "$.activities[0].inputs.mode", "'most' is not one of: all, any")]
    [InlineData("unknown-connection-activity.json", "$.connections[0].to", "no activity has id 'ghost'")]
    [InlineData("unknown-outcome.json", "$.connections[0].outcome", "'Maybe' is not an outcome of 'a'")]
    [InlineData("unreachable.json", "$.activities[1]", "activity 'island' can never run")]
    [InlineData("cycle-without-wait.json", "$.connections[0]", "cycle a -> b -> a has no activity that waits")]
    [InlineData("bad-javascript.json", "$.activities[0].inputs.message", "JavaScript does not parse")]
    [InlineData("duplicate-ids.json", "$.activities[1].id", "'a' is also the id of $.activities[0]")]
    [InlineData("undeclared-variable.json", "$.activities[0].inputs.name", "variable 'ghost' is not declared")]
    [InlineData("several-roots.json", "$.start", "several activities have no incoming connection (a, b)")]
    [InlineData("bad-duration.json", "$.activities[0].timeout", "'10 minutes' is not a positive ISO 8601 duration")]
    [InlineData("bad-cron.json", "$.triggers[0].schedule", "'every tuesday' is not a valid cron expression")]
    [InlineData("unknown-property.json", "$.activites", "unknown property")]
    [InlineData("bad-expression-shape.json", "$.activities[0].inputs.message", "an expression is written {\"js\"")]
    [InlineData("id-mismatch.json", "$.id", "'some-other-id' must match the file name 'id-mismatch'")]
    public async Task LoadFile_InvalidFile_ReportsFilePathAndReason(string file, string path, string reason)
    {
        using var engine = new EngineHarness();

        var result = await engine.Loader.LoadFileAsync(Invalid(file), CancellationToken.None);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(file, error.File);
        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task LoadFile_SeveralDistinctErrors_ReportsAllOfThem()
    {
        using var engine = new EngineHarness();

        var result = await engine.Loader.LoadFileAsync(Invalid("several-errors.json"), CancellationToken.None);

        Assert.Equal(
            [
                "$.activities[0].inputs: missing required input 'key' of 'WaitForEvent'",
                "$.activities[1].inputs.condition: JavaScript does not parse",
                "$.activities[2].inputs.duration: expected an ISO 8601 duration (e.g. PT15M), got \"soon\"",
                "$.activities[3].type: unknown activity type 'Frobnicate'",
                "$.connections[0].outcome: 'Arrived' is not an outcome of 'wait' (WaitForEvent: Received, TimedOut, Faulted)",
                "$.connections[1].to: no activity has id 'nowhere'",
            ],
            result.Errors.Select(e => $"{e.Path}: {e.Message}").Select(Shorten));
        Assert.All(result.Errors, e => Assert.Equal("several-errors.json", e.File));
    }

    [Fact]
    public void Load_ValidDefinition_ReadsEveryPart()
    {
        using var engine = new EngineHarness();

        var result = engine.Loader.Load(
            """
            {
              "id": "complete", "version": 3, "name": "Complete", "description": "d",
              "inputs": [ { "name": "change", "type": "string", "required": true, "default": "CHG1", "description": "c" } ],
              "variables": [ { "name": "count", "type": "integer", "default": 0 } ],
              "triggers": [ { "type": "cron", "schedule": "0 2 * * 6" }, { "type": "event", "kind": "patch-request" } ],
              "activities": [
                { "id": "wait", "type": "WaitForEvent", "name": "Wait", "inputs": { "kind": "approval", "key": { "js": "input.change" } },
                  "retry": { "attempts": 4, "backoff": "PT30S", "multiplier": 2, "maxBackoff": "PT5M" }, "timeout": "P3D", "position": { "x": 10, "y": 20 } },
                { "id": "count", "type": "SetVariable", "inputs": { "name": "count", "value": 1 } }
              ],
              "connections": [ { "from": "wait", "outcome": "Received", "to": "count" } ]
            }
            """, "complete.json");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var definition = result.Definition!;
        Assert.Equal(3, definition.Version);
        Assert.Equal(2, definition.Triggers.Count);
        var wait = definition.Activities[0];
        Assert.Equal("input.change", wait.Inputs["key"].Expression);
        Assert.Equal("approval", wait.Inputs["kind"].Literal!.GetValue<string>());
        Assert.Equal(TimeSpan.FromMinutes(5), wait.Retry!.MaxBackoff);
        Assert.Equal(TimeSpan.FromDays(3), wait.Timeout);
        Assert.Equal(20, wait.Position!.Y);
    }

    private static string Shorten(string message)
    {
        var syntax = message.IndexOf("JavaScript does not parse", StringComparison.Ordinal);
        return syntax >= 0 ? message[..(syntax + "JavaScript does not parse".Length)] : message;
    }
}
