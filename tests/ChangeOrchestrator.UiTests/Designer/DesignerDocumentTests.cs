using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.UiTests.Support;
using ChangeOrchestrator.Web.Designer;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.UiTests.Designer;

/// <summary>The designer's document, layout, validation and images, without a browser.</summary>
public sealed class DesignerDocumentTests
{
    private static readonly ServiceProvider Engine = new ServiceCollection().AddLogging().AddWorkflowEngine().BuildServiceProvider();

    public static TheoryData<string> Files() => [.. Directory.EnumerateFiles(RepositoryPaths.Workflows, "*.json").Select(Path.GetFileName).OfType<string>().Order()];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Export_FileOpenedAndLeftAlone_IsTheSameText(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, file));

        var document = DesignerDocument.Open(text, file);

        Assert.Equal(text, document.Export());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Export_AfterUndoOfAMove_IsTheSameText(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, file));
        var document = DesignerDocument.Open(text, file);
        var history = new DesignerHistory();
        var first = document.ActivityIds().First();

        history.Record(document.Snapshot());
        document.MoveActivity(first, new DesignerPoint(1234, 567));
        document.Restore(history.Undo(document.Snapshot())!);

        Assert.Equal(text, document.Export());
    }

    [Fact]
    public async Task SetPositions_PatchChangeLaidOut_WritesEveryPositionAndReopensUnchanged()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "patch-change.json"));
        var document = DesignerDocument.Open(text, "patch-change.json");
        var sizes = document.ActivityIds().ToDictionary(id => id, _ => DesignerSize.For(3));

        var positions = DesignerLayout.Compute(sizes, document.ListConnections().Select(c => (c.From, c.To)));
        document.SetPositions(positions);
        var exported = document.Export();

        Assert.True(document.HasPositions);
        Assert.Equal(document.Activities.Count, positions.Count);
        Assert.Equal(exported, DesignerDocument.Open(exported, "patch-change.json").Export());
        Assert.Equal(
            WorkflowDefinitionLoader.ContentHash(StripPositions(text)),
            WorkflowDefinitionLoader.ContentHash(StripPositions(exported)));
    }

    [Fact]
    public async Task Compute_PatchChange_PlacesNoActivityOverAnother()
    {
        var document = DesignerDocument.Open(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "patch-change.json")), "patch-change.json");
        var size = DesignerSize.For(4);

        var positions = DesignerLayout.Compute(document.ActivityIds().ToDictionary(id => id, _ => size), document.ListConnections().Select(c => (c.From, c.To)));

        var boxes = positions.Values.ToList();
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var overlaps = Math.Abs(boxes[i].X - boxes[j].X) < size.Width && Math.Abs(boxes[i].Y - boxes[j].Y) < size.Height;
                Assert.False(overlaps, $"{boxes[i]} and {boxes[j]} overlap");
            }
        }

        // Layers run downwards from the start: the first activity is above what it leads to.
        Assert.True(positions["targets"].Y < positions["precheck"].Y);
    }

    [Fact]
    public void Edits_NewWorkflow_ExportInTheFileLayout()
    {
        var document = DesignerDocument.New("tiny-flow", "Tiny flow");

        var log = document.AddActivity("Log", new DesignerPoint(10.4, 20.6));
        var fail = document.AddActivity("Fail", new DesignerPoint(10, 160));
        document.SetInput(log, "message", new JsonObject { ["js"] = "`hello ${input.who}`" });
        document.SetInput(fail, "reason", JsonValue.Create("stop"));
        Assert.True(document.Connect(log, "Done", fail));
        Assert.False(document.Connect(log, "Done", fail));
        Assert.True(document.Connect(log, "Faulted", fail));

        Assert.Equal(
            """
            {
              "$schema": "../src/ChangeOrchestrator.Engine/Definitions/workflow.schema.json",
              "id": "tiny-flow",
              "version": 1,
              "name": "Tiny flow",
              "inputs": [],
              "activities": [
                { "id": "log1", "type": "Log", "inputs": { "message": { "js": "`hello ${input.who}`" } }, "position": { "x": 10, "y": 21 } },
                { "id": "fail1", "type": "Fail", "inputs": { "reason": "stop" }, "position": { "x": 10, "y": 160 } }
              ],
              "connections": [
                { "from": "log1", "to": "fail1" },
                { "from": "log1", "outcome": "Faulted", "to": "fail1" }
              ]
            }

            """.ReplaceLineEndings("\n"),
            document.Export());
    }

    [Fact]
    public void Splice_ActivityDroppedOntoAConnection_StandsBetweenSourceAndTarget()
    {
        var document = DesignerDocument.New("spliced", "Spliced");
        var wait = document.AddActivity("WaitForEvent", new DesignerPoint(0, 0));
        var log = document.AddActivity("Log", new DesignerPoint(0, 240));
        document.Connect(wait, "Received", log);
        var delay = document.AddActivity("Delay", new DesignerPoint(0, 120));

        var spliced = document.Splice(wait, "Received", log, delay, "Done");

        Assert.True(spliced);
        Assert.Equal([(wait, "Received", delay), (delay, "Done", log)], document.ListConnections());
        Assert.Contains("""{ "from": "waitForEvent1", "outcome": "Received", "to": "delay1" }""", document.Export(), StringComparison.Ordinal);
        Assert.Contains("""{ "from": "delay1", "to": "log1" }""", document.Export(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 160, true)]
    [InlineData(100, 60, true)]
    [InlineData(130, 160, false)]
    [InlineData(100, 300, false)]
    public void Distance_PointNearTheDrawnConnection_IsWithinAFewPixels(double x, double y, bool onIt)
    {
        // Straight down from (100, 50) to (100, 270): the curve is the vertical line between them.
        var distance = ConnectionHitTest.Distance(new DesignerPoint(100, 50), new DesignerPoint(100, 270), new DesignerPoint(x, y));

        Assert.Equal(onIt, distance <= 12);
    }

    [Fact]
    public void Splice_NoSuchConnection_ChangesNothing()
    {
        var document = DesignerDocument.New("spliced", "Spliced");
        var wait = document.AddActivity("WaitForEvent", new DesignerPoint(0, 0));
        var log = document.AddActivity("Log", new DesignerPoint(0, 240));
        document.Connect(wait, "Received", log);
        var delay = document.AddActivity("Delay", new DesignerPoint(0, 120));
        var before = document.Snapshot();

        Assert.False(document.Splice(wait, "TimedOut", log, delay, "Done"));
        Assert.False(document.Splice(wait, "Received", log, "missing", "Done"));
        Assert.Equal(before, document.Snapshot());
    }

    [Fact]
    public void RemoveActivities_ConnectedActivity_DropsItsConnectionsAndStart()
    {
        var document = DesignerDocument.New("flow", "Flow");
        var a = document.AddActivity("Log", new DesignerPoint(0, 0));
        var b = document.AddActivity("Log", new DesignerPoint(0, 100));
        document.Connect(a, "Done", b);
        document.SetMember("start", JsonValue.Create(a));

        document.RemoveActivities([a]);

        Assert.Equal([b], document.ActivityIds());
        Assert.Empty(document.ListConnections());
        Assert.Null(document.Root["start"]);
    }

    [Fact]
    public void Open_TextThatIsNotJson_NamesLineAndColumn()
    {
        var error = Assert.Throws<DesignerFileException>(() => DesignerDocument.Open("{\n  \"id\": \"x\",\n  oops\n}", "broken.json"));

        Assert.StartsWith("broken.json: line 3, column 3: not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnknownInputAndBadOutcome_ArePinnedToActivityAndField()
    {
        var loader = Engine.GetRequiredService<WorkflowDefinitionLoader>();
        var document = DesignerDocument.Open(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "approval-demo.json")), "approval-demo.json");
        document.SetInput("announce", "colour", JsonValue.Create("red"));
        document.Connect("announce", "Maybe", "wait");

        var problems = DesignerValidation.Check(loader, document);

        var input = Assert.Single(problems, p => p.Field == "colour");
        Assert.Equal("announce", input.ActivityId);
        Assert.Equal("approval-demo.json: $.activities[0].inputs.colour: 'Log' has no input 'colour' (inputs: message, level)", input.Text);
        var outcome = Assert.Single(problems, p => p.Path.EndsWith(".outcome", StringComparison.Ordinal));
        Assert.Equal("announce", outcome.ActivityId);
    }

    [Fact]
    public async Task Check_FileAsShipped_HasNoProblem()
    {
        var loader = Engine.GetRequiredService<WorkflowDefinitionLoader>();
        var document = DesignerDocument.Open(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "approval-demo.json")), "approval-demo.json");

        Assert.Empty(DesignerValidation.Check(loader, document));
    }

    [Fact]
    public async Task Render_ApprovalDemo_DrawsEveryActivityAndConnection()
    {
        var catalogue = Engine.GetRequiredService<ActivityCatalogue>();
        var document = DesignerDocument.Open(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "approval-demo.json")), "approval-demo.json");
        var positions = document.Activities.OfType<JsonObject>().ToDictionary(a => DesignerDocument.Text(a["id"])!, a => DesignerDocument.ReadPosition(a)!.Value);

        var svg = DesignerSvg.Render(document, positions, a => ActivityOutcomes.Of(a, catalogue, []));

        var xml = System.Xml.Linq.XDocument.Parse(svg);
        Assert.Equal(7, xml.Descendants().Count(e => (string?)e.Attribute("class") == "activity"));
        Assert.Equal(6, xml.Descendants().Count(e => (string?)e.Attribute("class") == "connection"));
        Assert.Contains("WaitForEvent", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Undo_150Edits_GoesBackEveryStepAndRedoes()
    {
        var document = DesignerDocument.New("flow", "Flow");
        var id = document.AddActivity("Log", new DesignerPoint(0, 0));
        var history = new DesignerHistory();
        var start = document.Snapshot();
        for (var i = 1; i <= 150; i++)
        {
            history.Record(document.Snapshot());
            document.MoveActivity(id, new DesignerPoint(i, i));
        }

        var end = document.Snapshot();
        for (var i = 0; i < 150; i++)
        {
            document.Restore(history.Undo(document.Snapshot())!);
        }

        Assert.Equal(start, document.Snapshot());
        Assert.False(history.CanUndo);
        for (var i = 0; i < 150; i++)
        {
            document.Restore(history.Redo(document.Snapshot())!);
        }

        Assert.Equal(end, document.Snapshot());
    }

    [Fact]
    public async Task Paste_ThreeActivitiesFromAnotherWorkflow_GetsNewIdsAndKeepsTheirConnections()
    {
        var source = DesignerDocument.Open(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "approval-demo.json")), "approval-demo.json");
        var target = DesignerDocument.Open(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "rolling-waves.json")), "rolling-waves.json");
        var fragment = source.Copy(new HashSet<string> { "wait", "decide", "rejected" });

        var first = target.Paste(fragment, new DesignerPoint(40, 40));
        var second = target.Paste(fragment, new DesignerPoint(80, 80));

        Assert.Equal(["waitForEvent1", "decision1", "fail1"], first);
        Assert.Equal(["waitForEvent2", "decision2", "fail2"], second);
        Assert.Contains(("waitForEvent1", "Received", "decision1"), target.ListConnections());
        Assert.Contains(("decision2", "False", "fail2"), target.ListConnections());
        Assert.Equal(4, target.ListConnections().Count(c => c.From.StartsWith("waitForEvent", StringComparison.Ordinal) || c.From.StartsWith("decision", StringComparison.Ordinal)));
        Assert.Equal(new DesignerPoint(40, 160), DesignerDocument.ReadPosition(target.FindActivity("waitForEvent1")!));
        Assert.Equal(7, source.Activities.Count);
    }

    [Fact]
    public async Task Duplicate_ApprovalDemo_IsTheSameWorkflowUnderTheNewId()
    {
        var source = DesignerDocument.Open(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "approval-demo.json")), "approval-demo.json");

        var copy = DesignerDocument.Open(source.Duplicate("approval-copy", "Approval copy").Export(), "approval-copy.json");

        Assert.Equal("approval-copy", copy.Id);
        Assert.Equal("Approval copy", copy.Name);
        Assert.Empty(DesignerValidation.Check(Engine.GetRequiredService<WorkflowDefinitionLoader>(), copy));
        Assert.Equal(source.ListConnections(), copy.ListConnections());
    }

    [Fact]
    public void Lines_OneLineChanged_ShowsItRemovedAndAdded()
    {
        var diff = TextDiff.Lines("a\nb\nc\n", "a\nB\nc\n");

        Assert.Equal([new DiffLine(' ', "a"), new DiffLine('-', "b"), new DiffLine('+', "B"), new DiffLine(' ', "c")], diff);
    }

    private static string StripPositions(string text)
    {
        var root = JsonNode.Parse(text)!.AsObject();
        foreach (var activity in root["activities"]!.AsArray().OfType<JsonObject>())
        {
            activity.Remove("position");
        }

        return root.ToJsonString();
    }
}
