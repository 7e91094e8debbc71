using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions.Files;
using ChangeOrchestrator.Engine.Publishing;

namespace ChangeOrchestrator.Engine.Tests.Definitions.Files;

public sealed class WorkflowFileWriterTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "workflows");

    public static TheoryData<string> Files() => [.. Directory.EnumerateFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Write_UnchangedWorkflowFile_GivesTheSameText(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Folder, file));

        var written = WorkflowFileWriter.Write((JsonObject)JsonNode.Parse(text)!, text);

        Assert.Equal(text, written);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Write_WithoutOriginal_KeepsTheContent(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Folder, file));

        var written = WorkflowFileWriter.Write((JsonObject)JsonNode.Parse(text)!);

        Assert.Equal(WorkflowDefinitionLoader.ContentHash(text), WorkflowDefinitionLoader.ContentHash(written));
        Assert.EndsWith("\n}\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_OneActivityMoved_RewritesOnlyItsLine()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Folder, "approval-demo.json"));
        var document = (JsonObject)JsonNode.Parse(text)!;
        document["activities"]![1]!["position"] = new JsonObject { ["x"] = 40, ["y"] = 160 };

        var written = WorkflowFileWriter.Write(document, text);

        var before = text.Split('\n');
        var after = written.Split('\n');
        Assert.Equal(before.Length, after.Length);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        var line = Assert.Single(changed);
        Assert.Equal(
            """    { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": { "js": "input.changeKey" }, "timeout": { "js": "input.approvalTimeout" } }, "position": { "x": 40, "y": 160 } },""",
            after[line]);
    }

    [Fact]
    public void Write_NewDocument_FollowsTheLayoutRules()
    {
        var document = new JsonObject
        {
            ["id"] = "tiny",
            ["version"] = 1,
            ["inputs"] = new JsonArray(),
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "a", ["type"] = "Log", ["inputs"] = new JsonObject { ["message"] = new JsonObject { ["js"] = "`<${input.x}>` && 'y'" } } },
                new JsonObject { ["id"] = "b", ["type"] = "Fail", ["inputs"] = new JsonObject(), ["tags"] = new JsonArray("x", 2) }),
            ["connections"] = new JsonArray(new JsonObject { ["from"] = "a", ["to"] = "b" }),
        };

        var written = WorkflowFileWriter.Write(document);

        Assert.Equal(
            """
            {
              "id": "tiny",
              "version": 1,
              "inputs": [],
              "activities": [
                { "id": "a", "type": "Log", "inputs": { "message": { "js": "`<${input.x}>` && 'y'" } } },
                { "id": "b", "type": "Fail", "inputs": {}, "tags": ["x", 2] }
              ],
              "connections": [
                { "from": "a", "to": "b" }
              ]
            }

            """.ReplaceLineEndings("\n"),
            written);
    }
}
