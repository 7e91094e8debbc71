using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChangeOrchestrator.UiTests.Support;
using Microsoft.Playwright;

namespace ChangeOrchestrator.UiTests.Designer;

[Collection(ConsoleCollection.Name)]
public sealed class DesignerPageTests(ConsoleServer server)
{
    [Fact]
    public async Task PatchChange_MoveUndoMoveAndSaveDraft_KeepsThePositionAndRefusesAStaleSave()
    {
        await using var console = await server.SignInAsync("ada");
        await using var other = await server.SignInAsync("ada");
        var page = console.Page;
        await OpenDesignerAsync(console, "patch-change");
        await OpenDesignerAsync(other, "patch-change");
        await Assertions.Expect(page.Locator("[data-activity]")).ToHaveCountAsync(56);
        await Assertions.Expect(page.GetByTestId("no-problems")).ToBeVisibleAsync();

        await DragNodeAsync(page, "targets", 160, 60);
        await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync("Unsaved changes");
        await page.GetByTestId("undo").ClickAsync();
        await Assertions.Expect(page.GetByTestId("undo")).ToBeDisabledAsync();
        await DragNodeAsync(page, "targets", 160, 60);
        await console.ScreenshotAsync("designer-patch-change");
        await page.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync("Draft saved (revision 1).");

        var exported = JsonNode.Parse(await DownloadAsync(page, "export-json"))!;
        var moved = exported["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "targets")!;
        // The layout put the start at the top (y = 0); it was moved 60 pixels down at full size.
        Assert.InRange(moved["position"]!["y"]!.GetValue<int>(), 50, 70);
        Assert.All(exported["activities"]!.AsArray(), a => Assert.NotNull(a!["position"]));

        // The second tab still edits the published version: its save would overwrite the draft above.
        await DragNodeAsync(other.Page, "targets", -100, 40);
        await other.Page.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(other.Page.GetByTestId("designer-status")).ToContainTextAsync("saved a newer draft (revision 1)");
        await Assertions.Expect(other.Page.GetByTestId("diff")).ToBeVisibleAsync();

        await console.OpenAsync("designer/patch-change");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("draft revision 1 on version 1");
    }

    [Fact]
    public async Task NewWorkflow_BuiltByDragAndDropWithAProblemFixed_IsPublished()
    {
        await using var console = await server.SignInAsync("ada");
        var page = console.Page;
        await console.OpenAsync("designer");
        await page.GetByTestId("new-workflow-id").FillAsync("ui-designed");
        await page.GetByTestId("new-workflow").ClickAsync();
        await page.GetByTestId("designer-canvas").WaitForAsync();
        await console.WaitLiveAsync();

        var canvas = page.GetByTestId("designer-canvas");
        await page.GetByTestId("palette-WaitForEvent").DragToAsync(canvas, new() { TargetPosition = new() { X = 200, Y = 60 } });
        await page.GetByTestId("node-waitForEvent1").WaitForAsync();
        await page.GetByTestId("palette-Log").DragToAsync(canvas, new() { TargetPosition = new() { X = 220, Y = 300 } });
        await page.GetByTestId("node-log1").WaitForAsync();

        // Two activities, nothing connected, inputs missing: validation says so, pinned to the activities.
        await Assertions.Expect(page.GetByTestId("problem").Filter(new() { HasText = "missing required input 'kind'" })).ToHaveCountAsync(1);
        await page.GetByTestId("problem").Filter(new() { HasText = "missing required input 'kind'" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("properties")).ToContainTextAsync("waitForEvent1");
        await page.Locator("#input-waitForEvent1-kind").FillAsync("approval");
        await page.Locator("#input-waitForEvent1-kind").PressAsync("Tab");
        await page.Locator("#input-waitForEvent1-key").FillAsync("ui-designed-1");
        await page.Locator("#input-waitForEvent1-key").PressAsync("Tab");

        await ConnectAsync(page, "waitForEvent1", "Received", "log1");
        await page.GetByTestId("node-log1").ClickAsync();
        await page.Locator("#input-log1-message").FillAsync("approved");
        await page.Locator("#input-log1-message").PressAsync("Tab");

        await Assertions.Expect(page.GetByTestId("no-problems")).ToBeVisibleAsync();
        await console.ScreenshotAsync("designer-new-workflow");
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync("Published version 1.");

        var published = JsonNode.Parse(await server.Api.GetStringAsync("api/definitions/ui-designed"))!["definition"]!;
        Assert.Equal(["waitForEvent1", "log1"], published["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        var connection = Assert.Single(published["connections"]!.AsArray())!;
        Assert.Equal("Received", connection["outcome"]!.GetValue<string>());
        Assert.Equal("log1", connection["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task TestRun_PublishedWorkflowRunWithSampleInput_CompletesOnTheCanvasAndComparesWithTheDraft()
    {
        await using var console = await server.SignInAsync("ada");
        var page = console.Page;
        await console.OpenAsync("designer/ui-test-run");
        await page.GetByTestId("designer-canvas").WaitForAsync();
        await console.WaitLiveAsync();
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "ui-test-run.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(GreetingWorkflow) });
        await page.GetByTestId("node-finish").WaitForAsync();
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync("Published version 1.");

        await page.GetByTestId("test-run-toggle").ClickAsync();
        await page.Locator("#run-input-who").FillAsync("designer");
        await page.GetByTestId("test-run-start").ClickAsync();

        await Assertions.Expect(page.GetByTestId("test-run-instance-status")).ToHaveTextAsync("Completed");
        await Assertions.Expect(page.GetByTestId("node-greet")).ToHaveAttributeAsync("data-run-status", "completed");
        await Assertions.Expect(page.GetByTestId("node-finish")).ToHaveAttributeAsync("data-run-status", "completed");
        await page.GetByTestId("node-finish").Locator(".co-node-title").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-activity").GetByTestId("activity-output")).ToContainTextAsync("greeted designer");

        // Removed from the draft (the Delete key), the activity shows as removed when version 1 is compared with the draft.
        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(page.Locator("[data-activity]")).ToHaveCountAsync(1);
        await page.GetByTestId("compare").ClickAsync();
        await page.GetByTestId("compare-show").ClickAsync();
        await Assertions.Expect(page.GetByTestId("node-finish")).ToHaveAttributeAsync("data-change", "removed");
        await Assertions.Expect(page.GetByTestId("compare-summary")).ToContainTextAsync("0 added, 1 removed, 0 changed");
        await Assertions.Expect(page.GetByTestId("diff")).ToContainTextAsync("\"finish\"");

        // Back to editing, Ctrl+Z brings it back.
        await page.GetByTestId("compare-close").ClickAsync();
        await Assertions.Expect(page.Locator("[data-activity]")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(page.Locator("[data-activity]")).ToHaveCountAsync(2);

        // A Delay dropped onto the connection between them stands between them.
        var from = (await page.GetByTestId("node-greet").Locator("[data-outcome=Done]").BoundingBoxAsync())!;
        var to = (await page.GetByTestId("node-finish").Locator(".co-port-in").BoundingBoxAsync())!;
        var canvas = (await page.GetByTestId("designer-canvas").BoundingBoxAsync())!;
        var middle = new TargetPosition { X = ((from.X + (from.Width / 2) + to.X + (to.Width / 2)) / 2) - canvas.X, Y = ((from.Y + from.Height + to.Y) / 2) - canvas.Y };
        await page.GetByTestId("palette-Delay").DragToAsync(page.GetByTestId("designer-canvas"), new() { TargetPosition = middle });
        await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync("Inserted delay1 between greet (Done) and finish.");
    }

    [Fact]
    public async Task CopyPaste_ThreeActivitiesIntoANewWorkflow_ArriveWithNewIdsAndTheirConnections()
    {
        await using var console = await server.SignInAsync("ada");
        var page = console.Page;
        await OpenDesignerAsync(console, "approval-demo");
        // The selection is the server's once the canvas shows it; a copy sent sooner may see fewer activities.
        var unselected = (await page.GetByTestId("node-rejected").BoundingBoxAsync())!;
        await SelectAsync(page, "wait", addToSelection: false);
        await SelectAsync(page, "decide", addToSelection: true);
        await SelectAsync(page, "rejected", addToSelection: true);
        await Assertions.Expect(page.Locator(".co-node-selected")).ToHaveCountAsync(3);

        // Selecting draws around an activity without resizing it (a resize makes the diagram measure it and redraw its links).
        var selected = (await page.GetByTestId("node-rejected").BoundingBoxAsync())!;
        Assert.Equal((unselected.Width, unselected.Height), (selected.Width, selected.Height));
        await page.GetByTestId("copy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync("Copied 3 activities and 2 connections.");

        await console.OpenAsync("designer/ui-pasted");
        await page.GetByTestId("paste").ClickAsync();

        await Assertions.Expect(page.Locator("[data-activity]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync("Pasted waitForEvent1, decision1, fail1.");
        var exported = JsonNode.Parse(await DownloadAsync(page, "export-json"))!;
        Assert.Equal(2, exported["connections"]!.AsArray().Count);
    }

    [Fact]
    public async Task ExportSvg_ApprovalDemo_DownloadsEveryActivity()
    {
        await using var console = await server.SignInAsync("ada");
        await OpenDesignerAsync(console, "approval-demo");

        var svg = System.Xml.Linq.XDocument.Parse(await DownloadAsync(console.Page, "export-svg"));

        Assert.Equal(7, svg.Descendants().Count(e => (string?)e.Attribute("class") == "activity"));
        Assert.Equal(6, svg.Descendants().Count(e => (string?)e.Attribute("class") == "connection"));

        // The PNG is the same drawing, rasterised by the browser at twice its size.
        var download = await console.Page.RunAndWaitForDownloadAsync(() => console.Page.GetByTestId("export-png").ClickAsync());
        var png = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("approval-demo.png", download.SuggestedFilename);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        Assert.Equal(2 * Math.Ceiling(double.Parse(svg.Root!.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)), width, 1.0);
    }

    [Fact]
    public async Task Viewer_OpensTheDesigner_ReadOnly()
    {
        await using var console = await server.SignInAsync("victor");
        await OpenDesignerAsync(console, "approval-demo");

        await Assertions.Expect(console.Page.GetByTestId("designer-read-only")).ToBeVisibleAsync();
        await Assertions.Expect(console.Page.GetByTestId("save-draft")).ToBeDisabledAsync();
        await Assertions.Expect(console.Page.GetByTestId("publish")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task DesignerPage_HasNoSeriousOrCriticalViolationAndCompletesExpressions()
    {
        await using var console = await server.SignInAsync("ada");
        var page = console.Page;
        await OpenDesignerAsync(console, "approval-demo");
        await page.GetByTestId("node-wait").ClickAsync();
        await Assertions.Expect(page.GetByTestId("properties")).ToContainTextAsync("WaitForEvent");

        var violations = await console.SeriousViolationsAsync();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        // The key's expression editor (loaded above) offers the workflow's inputs, and marks a parse error as it is typed.
        var editor = page.GetByTestId("properties").Locator(".monaco-editor").First;
        await editor.Locator(".view-lines").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(" + input.approvalT");

        // Narrowed to one suggestion and taken from the keyboard: a click could land on a row the list re-sorted meanwhile.
        await Assertions.Expect(editor.Locator(".suggest-widget .monaco-list-row.focused")).ToContainTextAsync("input.approvalTimeout");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(editor.Locator(".view-lines")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\+\s*input\.approvalTimeout"));
        await page.Keyboard.TypeAsync(" +");
        await Assertions.Expect(editor.Locator(".squiggly-error").First).ToBeAttachedAsync();

        await console.OpenAsync("designer");
        violations = await console.SeriousViolationsAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task EveryWorkflowFile_OpenedInTheDesignerAndExported_IsTheSameBytes()
    {
        await using var console = await server.SignInAsync("ada");
        var page = console.Page;
        var files = Directory.GetFiles(RepositoryPaths.Workflows, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            // The file is opened as a designer opens a file of theirs (Import file), over whatever the server holds for it.
            var name = Path.GetFileName(file);
            var bytes = await File.ReadAllBytesAsync(file);
            // Once the canvas is drawn, the file input has long been wired up (before that, a file set on it may go unseen).
            await OpenDesignerAsync(console, Path.GetFileNameWithoutExtension(file));
            await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/json", Buffer = bytes });
            await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync($"Imported {name}.");

            var exported = await DownloadBytesAsync(page, "export-json");

            Assert.True(bytes.AsSpan().SequenceEqual(exported), $"{name}: the export differs from the file, first at {FirstDifference(bytes, exported)}");
        }
    }

    [Fact]
    public async Task WorkflowPanel_InputsVariablesAndTriggersEdited_AreCheckedLiveAndExported()
    {
        await using var console = await server.SignInAsync("ada");
        var page = console.Page;
        await console.OpenAsync("designer/ui-workflow-panel");

        // One activity, so that the whole workflow is checked (an empty one stops at its missing activities); a click
        // on the empty canvas then brings the workflow's own panel back.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Log", Exact = true }).ClickAsync();
        await page.GetByTestId("node-log1").WaitForAsync();
        var canvas = (await page.GetByTestId("designer-canvas").BoundingBoxAsync())!;
        await page.GetByTestId("designer-canvas").ClickAsync(new() { Position = new() { X = canvas.Width - 30, Y = canvas.Height - 30 } });
        await page.GetByTestId("workflow-inputs").WaitForAsync();

        // An input whose name breaks the naming rule is refused where it is typed, with validate's message; fixed, it is gone.
        await page.GetByTestId("workflow-inputs-add").ClickAsync();
        await page.Locator("#workflow-inputs-0-name").FillAsync("change key");
        await page.Locator("#workflow-inputs-0-name").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("workflow-inputs-0").GetByTestId("workflow-problem")).ToContainTextAsync("$.inputs[0].name");
        await page.Locator("#workflow-inputs-0-name").FillAsync("changeKey");
        await page.Locator("#workflow-inputs-0-name").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("workflow-inputs-0").GetByTestId("workflow-problem")).ToHaveCountAsync(0);
        await page.Locator("#workflow-inputs-0-required").CheckAsync();

        await page.GetByTestId("workflow-variables-add").ClickAsync();
        await page.Locator("#workflow-variables-0-type").SelectOptionAsync("array");
        await page.Locator("#workflow-variables-0-default").FillAsync("[]");
        await page.Locator("#workflow-variables-0-default").PressAsync("Tab");

        // A cron trigger lists its next five occurrences; a schedule that is no cron is an error under it.
        await page.GetByTestId("workflow-triggers-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("cron-occurrences").Locator("li")).ToHaveCountAsync(5);
        await page.Locator("#workflow-triggers-0-schedule").FillAsync("61 * * * *");
        await page.Locator("#workflow-triggers-0-schedule").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("workflow-triggers-0").GetByTestId("workflow-problem")).ToContainTextAsync("$.triggers[0].schedule");
        await page.Locator("#workflow-triggers-0-schedule").FillAsync("30 6 * * 1-5");
        await page.Locator("#workflow-triggers-0-schedule").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("workflow-triggers-0").GetByTestId("workflow-problem")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("cron-occurrences").Locator("li").First).ToContainTextAsync("06:30");

        var exported = JsonNode.Parse(await DownloadAsync(page, "export-json"))!;
        Assert.Equal("""[{"name":"changeKey","type":"string","required":true}]""", exported["inputs"]!.ToJsonString());
        Assert.Equal("""[{"name":"variable1","type":"array","default":[]}]""", exported["variables"]!.ToJsonString());
        Assert.Equal("""[{"type":"cron","schedule":"30 6 * * 1-5"}]""", exported["triggers"]!.ToJsonString());
    }

    private const string GreetingWorkflow = """
        {
          "id": "ui-test-run", "name": "Greets",
          "inputs": [ { "name": "who", "type": "string", "required": true } ],
          "activities": [
            { "id": "greet", "type": "Log", "inputs": { "message": { "js": "`hello ${input.who}`" } }, "position": { "x": 0, "y": 0 } },
            { "id": "finish", "type": "Finish", "inputs": { "result": "greeted", "reason": { "js": "`greeted ${input.who}`" } }, "position": { "x": 0, "y": 160 } }
          ],
          "connections": [ { "from": "greet", "to": "finish" } ]
        }
        """;

    private static async Task OpenDesignerAsync(ConsolePage console, string id)
    {
        await console.OpenAsync($"designer/{id}");
        await console.Page.Locator("[data-activity]").First.WaitForAsync();
    }

    /// <summary>
    /// Clicks an activity (with Control to add it to the selection) and waits until the canvas shows it selected. On a
    /// loaded machine a click aimed while the canvas re-renders can miss; one that has not shown after 10 s is clicked
    /// again, at most twice.
    /// </summary>
    private static async Task SelectAsync(IPage page, string activityId, bool addToSelection)
    {
        var node = page.GetByTestId($"node-{activityId}");
        var selected = new Regex(@"\bco-node-selected\b");
        for (var attempt = 1; ; attempt++)
        {
            await node.Locator(".co-node-title").ClickAsync(new() { Modifiers = addToSelection ? [KeyboardModifier.Control] : [] });
            try
            {
                await Assertions.Expect(node).ToHaveClassAsync(selected, new() { Timeout = 10_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // Not selected 10 s after the click: taken as lost, not slow.
            }
        }
    }

    private static async Task DragNodeAsync(IPage page, string activityId, float dx, float dy)
    {
        var box = (await page.GetByTestId($"node-{activityId}").Locator(".co-node-title").BoundingBoxAsync())!;
        var x = box.X + (box.Width / 2);
        var y = box.Y + (box.Height / 2);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + (dx / 2), y + (dy / 2), new() { Steps = 4 });
        await page.Mouse.MoveAsync(x + dx, y + dy, new() { Steps = 4 });
        await page.Mouse.UpAsync();
    }

    private static async Task ConnectAsync(IPage page, string from, string outcome, string to)
    {
        var source = (await page.GetByTestId($"node-{from}").Locator($"[data-outcome={outcome}]").BoundingBoxAsync())!;
        var target = (await page.GetByTestId($"node-{to}").Locator(".co-port-in").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(source.X + (source.Width / 2), source.Y + (source.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X + (target.Width / 2), target.Y + (target.Height / 2) - 20, new() { Steps = 6 });
        await page.Mouse.MoveAsync(target.X + (target.Width / 2), target.Y + (target.Height / 2), new() { Steps = 2 });
        await page.Mouse.UpAsync();
    }

    private static async Task<string> DownloadAsync(IPage page, string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(button).ClickAsync());
        return await File.ReadAllTextAsync((await download.PathAsync())!);
    }

    private static async Task<byte[]> DownloadBytesAsync(IPage page, string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(button).ClickAsync());
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }

    /// <summary>Where two files first differ, as line and column of the first, for an assertion message.</summary>
    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var at = expected.AsSpan().CommonPrefixLength(actual);
        var before = Encoding.UTF8.GetString(expected, 0, Math.Min(at, expected.Length));
        var line = before.Count(c => c == '\n') + 1;
        var column = before.Length - before.LastIndexOf('\n');
        return $"line {line}, column {column} (file {expected.Length} bytes, export {actual.Length} bytes)";
    }
}
