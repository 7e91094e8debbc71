using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Engine.Tests.Runtime;

public sealed class WorkflowRuntimeTests
{
    private const string WaitThenRecord = """
        { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": { "js": "input.change" } } },
        { "id": "record", "type": "RecordSideEffect", "inputs": { "label": { "js": "'approved ' + steps.wait.payload.by" } } }
        """;

    private static string WaitFlow(string id) => Flows.Json(id, WaitThenRecord,
        """{ "from": "wait", "outcome": "Received", "to": "record" }""",
        """ "inputs": [ { "name": "change", "type": "string", "required": true } ], """);

    [Fact]
    public async Task RaiseEvent_WrongKey_HasNoEffect()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(WaitFlow("wait-flow"));
        var instance = await engine.StartAsync("wait-flow", new JsonObject { ["change"] = "CHG1" });

        var result = await engine.RaiseAsync("approval", "CHG2", new JsonObject { ["by"] = "eve" });

        Assert.Equal(0, result.Resumed);
        Assert.Equal(InstanceStatus.Suspended, (await engine.InstanceAsync(instance.Id)).Status);
        Assert.Single(await engine.BookmarksAsync(instance.Id));
    }

    [Fact]
    public async Task RaiseEvent_Twice_SecondHasNoEffect()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(WaitFlow("wait-flow"));
        var instance = await engine.StartAsync("wait-flow", new JsonObject { ["change"] = "CHG1" });

        var first = await engine.RaiseAsync("approval", "CHG1", new JsonObject { ["by"] = "ann" });
        var second = await engine.RaiseAsync("approval", "CHG1", new JsonObject { ["by"] = "bob" });

        Assert.Equal(1, first.Resumed);
        Assert.Equal(0, second.Resumed);
        Assert.Equal(["approved ann"], engine.SideEffects.Entries.Select(e => e.Label));
        Assert.Equal(InstanceStatus.Completed, (await engine.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task RaiseEvent_SameStimulusIdTwice_IsProcessedOnce()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(WaitFlow("wait-flow"));
        await engine.StartAsync("wait-flow", new JsonObject { ["change"] = "CHG1" });

        var first = await engine.RaiseAsync("approval", "CHG1", new JsonObject { ["by"] = "ann" }, stimulusId: "delivery-7");
        await engine.StartAsync("wait-flow", new JsonObject { ["change"] = "CHG1" });
        var replay = await engine.RaiseAsync("approval", "CHG1", new JsonObject { ["by"] = "ann" }, stimulusId: "delivery-7");

        Assert.Equal(1, first.Resumed);
        Assert.True(replay.Duplicate);
        Assert.Equal(1, engine.SideEffects.Count("approved ann"));
    }

    [Fact]
    public async Task RaiseEvent_BeforeBookmarkExists_IsDeliveredWhenTheBookmarkIsCreated()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("late-wait",
            """
            { "id": "prepare", "type": "Delay", "inputs": { "duration": "PT10M" } },
            """ + WaitThenRecord,
            """{ "from": "prepare", "to": "wait" }, { "from": "wait", "outcome": "Received", "to": "record" }""",
            """ "inputs": [ { "name": "change", "type": "string", "required": true } ], """));
        var instance = await engine.StartAsync("late-wait", new JsonObject { ["change"] = "CHG5" });

        var early = await engine.RaiseAsync("approval", "CHG5", new JsonObject { ["by"] = "early" });
        Assert.True(early.Buffered);
        Assert.Empty(engine.SideEffects.Entries);

        await engine.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Equal(InstanceStatus.Completed, (await engine.InstanceAsync(instance.Id)).Status);
        Assert.Equal(["approved early"], engine.SideEffects.Entries.Select(e => e.Label));
        Assert.Empty(await engine.Store.FindPendingAsync("approval", "CHG5", CancellationToken.None));
    }

    [Fact]
    public async Task ProcessDueTimers_OneInstanceHeldInItsBurst_FiresTheOtherInstanceMeanwhile()
    {
        var gate = new StepGate { Held = "slow" };
        using var engine = new EngineHarness(s => s.AddSingleton(gate).AddActivity<GatedStep>());
        foreach (var label in new[] { "slow", "quick" })
        {
            await engine.PublishAsync(Flows.Json(label,
                $$"""{ "id": "pause", "type": "Delay", "inputs": { "duration": "PT1M" } }, { "id": "step", "type": "GatedStep", "inputs": { "label": "{{label}}" } }""",
                """{ "from": "pause", "to": "step" }"""));
        }

        // The held instance's timer is due first: fired one after another, the other would wait behind it.
        var slow = await engine.StartAsync("slow");
        engine.Time.Advance(TimeSpan.FromSeconds(1));
        var quick = await engine.StartAsync("quick");
        engine.Time.Advance(TimeSpan.FromMinutes(1));

        var firing = engine.Runtime.ProcessDueTimersAsync(CancellationToken.None);
        await gate.Reached("slow").WaitAsync(TimeSpan.FromSeconds(30));
        await gate.Reached("quick").WaitAsync(TimeSpan.FromSeconds(30));
        var quickWhileSlowHeld = await StatusOnceEndedAsync(engine, quick.Id);
        gate.Open();
        var fired = await firing;

        Assert.Equal(InstanceStatus.Completed, quickWhileSlowHeld);
        Assert.Equal(2, fired);
        Assert.Equal(InstanceStatus.Completed, (await engine.InstanceAsync(slow.Id)).Status);
    }

    /// <summary>The status once the instance has ended (its burst in flight committed), or as it stands after 30 s.</summary>
    private static async Task<InstanceStatus> StatusOnceEndedAsync(EngineHarness engine, string instanceId)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        InstanceStatus status;
        while ((status = (await engine.InstanceAsync(instanceId)).Status) is InstanceStatus.Running or InstanceStatus.Suspended && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }

        return status;
    }

    [Fact]
    public async Task RaiseEvent_BufferedStimulus_IsDeliveredToOneBookmarkOnly()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(WaitFlow("wait-flow"));
        await engine.RaiseAsync("approval", "CHG3", new JsonObject { ["by"] = "early" });

        var first = await engine.StartAsync("wait-flow", new JsonObject { ["change"] = "CHG3" });
        var second = await engine.StartAsync("wait-flow", new JsonObject { ["change"] = "CHG3" });

        Assert.Equal(InstanceStatus.Completed, (await engine.InstanceAsync(first.Id)).Status);
        Assert.Equal(InstanceStatus.Suspended, (await engine.InstanceAsync(second.Id)).Status);
    }

    [Fact]
    public async Task ExpirePending_StimulusPastItsTtl_MovesToDeadLetters()
    {
        using var engine = new EngineHarness();
        await engine.RaiseAsync("approval", "CHG404");

        engine.Time.Advance(TimeSpan.FromDays(8));
        var expired = await engine.Store.ExpireAsync(engine.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(1, expired);
        Assert.Equal("CHG404", Assert.Single(engine.Store.DeadLetters).Key);
    }

    [Fact]
    public async Task RaiseEvent_ManyConcurrentStimuli_ResumeEveryInstanceExactlyOnce()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(WaitFlow("wait-flow"));
        var ids = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            ids.Add((await engine.StartAsync("wait-flow", new JsonObject { ["change"] = $"CHG{i}" })).Id);
        }

        var raises = Enumerable.Range(0, 200)
            .SelectMany(i => new[] { i, i })
            .Select(i => Task.Run(() => engine.RaiseAsync("approval", $"CHG{i}", new JsonObject { ["by"] = $"u{i}" })));
        var results = await Task.WhenAll(raises);

        Assert.Equal(200, results.Sum(r => r.Resumed));
        Assert.Equal(200, engine.SideEffects.Entries.Count);
        Assert.Equal(200, engine.SideEffects.Entries.Select(e => e.Label).Distinct().Count());
        foreach (var id in ids)
        {
            Assert.Equal(InstanceStatus.Completed, (await engine.InstanceAsync(id)).Status);
        }
    }

    [Fact]
    public async Task Start_MissingAndWronglyTypedInputs_ReportsEveryFieldAndStoresNothing()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("typed",
            """{ "id": "log", "type": "Log", "inputs": { "message": "x" } }""", "",
            """
            "inputs": [
              { "name": "change", "type": "string", "required": true },
              { "name": "waveSize", "type": "integer" },
              { "name": "soak", "type": "duration" }
            ],
            """));

        var error = await Assert.ThrowsAsync<InvalidWorkflowInputException>(() =>
            engine.StartAsync("typed", new JsonObject { ["waveSize"] = 1.5, ["soak"] = "10 minutes", ["extra"] = true }, instanceId: "never"));

        Assert.Equal(["change", "waveSize", "soak", "extra"], error.Errors.Select(e => e.Field));
        Assert.Null(await engine.Store.FindAsync("never", CancellationToken.None));
    }

    [Fact]
    public async Task Start_SameInstanceIdTwice_StartsOnce()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("once", """{ "id": "effect", "type": "RecordSideEffect", "inputs": { "label": "effect" } }""", ""));

        var first = await engine.StartAsync("once", instanceId: "request-1");
        var second = await engine.StartAsync("once", instanceId: "request-1");

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, engine.SideEffects.Count("effect"));
    }

    [Fact]
    public async Task Start_UnknownDefinition_Throws()
    {
        using var engine = new EngineHarness();

        var error = await Assert.ThrowsAsync<WorkflowNotFoundException>(() => engine.StartAsync("nope"));

        Assert.Contains("'nope'", error.Message);
    }

    [Fact]
    public async Task Resume_AfterNewVersionPublished_RunningInstanceStaysOnItsVersion()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("versioned",
            """
            { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "go", "key": "k" } },
            { "id": "effect", "type": "RecordSideEffect", "inputs": { "label": "v1" } }
            """, """{ "from": "wait", "outcome": "Received", "to": "effect" }"""));
        var instance = await engine.StartAsync("versioned");
        var v2 = await engine.PublishAsync(Flows.Json("versioned",
            """
            { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "go", "key": "k" } },
            { "id": "effect", "type": "RecordSideEffect", "inputs": { "label": "v2" } }
            """, """{ "from": "wait", "outcome": "Received", "to": "effect" }"""));

        await engine.RaiseAsync("go", "k");

        Assert.Equal(2, v2.Version);
        Assert.Equal(1, instance.DefinitionVersion);
        Assert.Equal(["v1"], engine.SideEffects.Entries.Select(e => e.Label));
    }

    [Fact]
    public async Task Retry_InstanceWithoutIncident_IsRefused()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(WaitFlow("wait-flow"));
        var instance = await engine.StartAsync("wait-flow", new JsonObject { ["change"] = "CHG1" });

        await Assert.ThrowsAsync<InstanceStateException>(() => engine.Runtime.RetryAsync(instance.Id, CancellationToken.None));
    }
}
