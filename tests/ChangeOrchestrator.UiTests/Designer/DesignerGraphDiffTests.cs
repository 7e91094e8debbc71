using System.Text.Json.Nodes;
using ChangeOrchestrator.Web.Designer;

namespace ChangeOrchestrator.UiTests.Designer;

/// <summary>Two versions of a workflow compared as graphs.</summary>
public sealed class DesignerGraphDiffTests
{
    private const string Before = """
        {
          "id": "diffed", "name": "Before", "inputs": [ { "name": "key", "type": "string" } ],
          "activities": [
            { "id": "a", "type": "Log", "inputs": { "message": "one" }, "position": { "x": 0, "y": 0 } },
            { "id": "b", "type": "Log", "inputs": { "message": "two" }, "position": { "x": 0, "y": 120 } },
            { "id": "c", "type": "Log", "inputs": { "message": "three" }, "position": { "x": 0, "y": 240 } },
            { "id": "gone", "type": "Fail", "inputs": { "reason": "no" }, "position": { "x": 200, "y": 120 } }
          ],
          "connections": [ { "from": "a", "to": "b" }, { "from": "b", "to": "c" }, { "from": "a", "outcome": "Faulted", "to": "gone" } ]
        }
        """;

    private const string After = """
        {
          "id": "diffed", "name": "After", "inputs": [ { "name": "key", "type": "string" } ],
          "activities": [
            { "id": "a", "type": "Log", "inputs": { "message": "one" }, "position": { "x": 0, "y": 0 } },
            { "id": "b", "type": "Log", "inputs": { "message": "TWO" }, "position": { "x": 0, "y": 120 } },
            { "id": "c", "type": "Log", "inputs": { "message": "three" }, "position": { "x": 40, "y": 240 } },
            { "id": "new", "type": "Delay", "inputs": { "duration": "PT1M" }, "position": { "x": 0, "y": 360 } }
          ],
          "connections": [ { "from": "a", "to": "b" }, { "from": "b", "outcome": "Done", "to": "c" }, { "from": "c", "to": "new" } ]
        }
        """;

    [Fact]
    public void Compare_TwoVersions_MarksEachActivityAndConnection()
    {
        var diff = DesignerGraphDiff.Compare(Parse(Before), Parse(After));

        Assert.Equal(GraphChange.Unchanged, diff.Activities["a"]);
        Assert.Equal(GraphChange.Changed, diff.Activities["b"]);
        Assert.Equal(GraphChange.Moved, diff.Activities["c"]);
        Assert.Equal(GraphChange.Added, diff.Activities["new"]);
        Assert.Equal(GraphChange.Removed, diff.Activities["gone"]);
        // "Done" written out and left out are the same connection.
        Assert.Equal(
            [new GraphConnectionChange("c", "Done", "new", GraphChange.Added), new GraphConnectionChange("a", "Faulted", "gone", GraphChange.Removed)],
            diff.Connections);
        Assert.Equal(["name"], diff.Members);
    }

    [Fact]
    public void Compare_TwoVersions_MergedHoldsTheNewerWithWhatWasRemovedPutBack()
    {
        var diff = DesignerGraphDiff.Compare(Parse(Before), Parse(After));

        var ids = diff.Merged["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>());
        Assert.Equal(["a", "b", "c", "new", "gone"], ids);
        Assert.Equal(4, diff.Merged["connections"]!.AsArray().Count);
        Assert.Equal("After", diff.Merged["name"]!.GetValue<string>());
    }

    [Fact]
    public void Compare_PositionsOnlyInOneVersion_AreNoChange()
    {
        var withoutPositions = Parse(Before);
        foreach (var activity in withoutPositions["activities"]!.AsArray())
        {
            activity!.AsObject().Remove("position");
        }

        var diff = DesignerGraphDiff.Compare(withoutPositions, Parse(Before));

        Assert.True(diff.IsEmpty);
        Assert.All(diff.Activities.Values, change => Assert.Equal(GraphChange.Unchanged, change));
    }

    [Fact]
    public async Task Compare_ShippedFileWithItself_IsEmpty()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Support.RepositoryPaths.Workflows, "patch-change.json"));

        var diff = DesignerGraphDiff.Compare(Parse(text), Parse(text));

        Assert.True(diff.IsEmpty);
        Assert.Equal(JsonNode.Parse(text)!["activities"]!.AsArray().Count, diff.Activities.Count);
    }

    private static JsonObject Parse(string text) => JsonNode.Parse(text)!.AsObject();
}
