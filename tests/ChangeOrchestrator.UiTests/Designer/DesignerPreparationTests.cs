using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.UiTests.Support;
using ChangeOrchestrator.Web.Designer;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.UiTests.Designer;

/// <summary>The layout and validation worked out once per workflow file content, without a browser.</summary>
public sealed class DesignerPreparationTests
{
    private static readonly ServiceProvider Engine = new ServiceCollection().AddLogging().AddWorkflowEngine().BuildServiceProvider();

    private static DesignerPreparation NewPreparation() =>
        new(Engine.GetRequiredService<WorkflowDefinitionLoader>(), Engine.GetRequiredService<ActivityCatalogue>());

    [Fact]
    public async Task PrepareAsync_FileWithoutPositions_LaysOutAndValidatesItAsTheCanvasWould()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "patch-change.json"));
        var document = DesignerDocument.Open(text, "patch-change.json");

        var prepared = await NewPreparation().PrepareAsync("patch-change.json", text);

        var expected = DesignerLayout.Compute(document, Engine.GetRequiredService<ActivityCatalogue>(), _ => null);
        Assert.Equal(document.ActivityIds().Order(StringComparer.Ordinal), prepared.Layout.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, p => Assert.Equal(p.Value, prepared.Layout[p.Key]));
        // The engine alone knows no patching activity: the same problems as the designer's own check, pinned alike.
        var problems = DesignerValidation.Check(Engine.GetRequiredService<WorkflowDefinitionLoader>(), document);
        Assert.NotEmpty(problems);
        Assert.Equal(problems, prepared.Problems);
    }

    [Fact]
    public async Task PrepareAsync_SameContentTwice_IsWorkedOutOnceAndAnotherContentAgain()
    {
        var preparation = NewPreparation();
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Workflows, "approval-demo.json"));
        var changed = JsonNode.Parse(text)!;
        changed["activities"]![0]!["inputs"]!["colour"] = "red";

        var first = preparation.PrepareAsync("approval-demo.json", text);
        var again = preparation.PrepareAsync("approval-demo.json", text);
        var other = await preparation.PrepareAsync("approval-demo.json", changed.ToJsonString());

        Assert.Same(first, again);
        Assert.Empty((await first).Layout);
        Assert.Empty((await first).Problems);
        Assert.Contains(other.Problems, p => p.ActivityId == "announce" && p.Field == "colour");
    }

    [Fact]
    public async Task PrepareAsync_NotAWorkflowFile_FailsAsOpeningItWouldAndIsNotKept()
    {
        var preparation = NewPreparation();

        var error = await Assert.ThrowsAsync<DesignerFileException>(() => preparation.PrepareAsync("broken.json", "{ oops"));
        var second = await Assert.ThrowsAsync<DesignerFileException>(() => preparation.PrepareAsync("broken.json", "{ oops"));

        Assert.StartsWith("broken.json:", error.Message, StringComparison.Ordinal);
        Assert.NotSame(error, second);
    }
}
