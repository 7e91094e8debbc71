using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Tests.Support;
using Json.Schema;

namespace ChangeOrchestrator.Engine.Tests.Workflows;

public sealed class ExampleWorkflowsTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "workflows");

    private static readonly JsonSchema Schema = PublishedSchema.Instance;

    public static TheoryData<string> Files() => [.. Directory.EnumerateFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order()];

    /// <summary>
    /// Every file against the schema; the loader's checks of files that use the patching activities run where those
    /// activities are registered (the integration tests), the generic ones here.
    /// </summary>
    [Theory]
    [MemberData(nameof(Files))]
    public async Task WorkflowFile_AgreesWithSchema(string file)
    {
        var path = Path.Combine(Folder, file);

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var evaluation = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Equal("../src/ChangeOrchestrator.Engine/Definitions/workflow.schema.json", JsonNode.Parse(await File.ReadAllTextAsync(path))!["$schema"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("approval-demo.json")]
    [InlineData("rolling-waves.json")]
    public async Task GenericWorkflowFile_Loads(string file)
    {
        using var engine = new EngineHarness();

        var loaded = await engine.Loader.LoadFileAsync(Path.Combine(Folder, file), CancellationToken.None);

        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
    }

    [Fact]
    public void Schema_RejectsWhatTheLoaderRejectsStructurally()
    {

        using var document = JsonDocument.Parse("""{ "id": "Bad Id", "name": "x", "activities": [ { "id": "a", "type": "Log", "timeout": "10 minutes" } ], "extra": 1 }""");
        var evaluation = Schema.Evaluate(document.RootElement);

        Assert.False(evaluation.IsValid);
    }

    [Fact]
    public async Task ApprovalDemo_Approved_CompletesWithTheApproverRecorded()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(await File.ReadAllTextAsync(Path.Combine(Folder, "approval-demo.json")));
        var instance = await engine.StartAsync("approval-demo", new JsonObject { ["changeKey"] = "servicenow:CHG0030012" });
        Assert.Equal(InstanceStatus.Suspended, instance.Status);

        await engine.RaiseAsync("approval", "servicenow:CHG0030012", new JsonObject { ["decision"] = "approved", ["by"] = "ann.manager" });

        var finished = await engine.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Completed, finished.Status);
        Assert.Equal("ann.manager", finished.Variables["decidedBy"]!.GetValue<string>());
        Assert.Contains(await engine.JournalAsync(instance.Id), e => e.Message == "approved by ann.manager");
    }

    [Fact]
    public async Task ApprovalDemo_NoDecisionWithinTimeout_FaultsAsExpired()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(await File.ReadAllTextAsync(Path.Combine(Folder, "approval-demo.json")));
        var instance = await engine.StartAsync("approval-demo", new JsonObject { ["changeKey"] = "jira:ITOPS-7", ["approvalTimeout"] = "PT4H" });

        await engine.AdvanceAsync(TimeSpan.FromHours(4));

        var faulted = await engine.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Faulted, faulted.Status);
        Assert.Equal("Nobody decided on the change in time", faulted.Incident!.Message);
    }

    [Fact]
    public async Task RollingWaves_FiveTargetsInWavesOfTwo_SoaksBetweenWaves()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(await File.ReadAllTextAsync(Path.Combine(Folder, "rolling-waves.json")));
        var targets = new JsonArray("i-1", "i-2", "i-3", "i-4", "i-5");

        var instance = await engine.StartAsync("rolling-waves", new JsonObject { ["targets"] = targets, ["waveSize"] = 2, ["soak"] = "PT10M" });
        Assert.Equal(2, instance.Variables["done"]!.AsArray().Count);

        await engine.AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.Equal(4, (await engine.InstanceAsync(instance.Id)).Variables["done"]!.AsArray().Count);
        await engine.AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.Equal(InstanceStatus.Suspended, (await engine.InstanceAsync(instance.Id)).Status);
        await engine.AdvanceAsync(TimeSpan.FromMinutes(10));

        var finished = await engine.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Completed, finished.Status);
        Assert.Equal(["i-1", "i-2", "i-3", "i-4", "i-5"], finished.Variables["done"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains(await engine.JournalAsync(instance.Id), e => e.Message == "5 targets in 3 waves");
    }
}
