using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Tests.Support;

namespace ChangeOrchestrator.Engine.Tests.Activities.Flow;

/// <summary>Each generic activity run inside a one- or two-step flowchart, as users write them.</summary>
public sealed class GenericActivitiesTests
{
    [Theory]
    [InlineData("Prod", "prod")]
    [InlineData("Dev", "dev")]
    [InlineData("Lab", "other")]
    public async Task Switch_Value_ContinuesOnTheMatchingCaseOrDefault(string environment, string expected)
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("switch",
            """
            { "id": "route", "type": "Switch", "inputs": { "value": { "js": "input.env" }, "cases": ["Prod", "Dev"] } },
            { "id": "prod", "type": "RecordSideEffect", "inputs": { "label": "prod" } },
            { "id": "dev", "type": "RecordSideEffect", "inputs": { "label": "dev" } },
            { "id": "other", "type": "RecordSideEffect", "inputs": { "label": "other" } }
            """,
            """
            { "from": "route", "outcome": "Prod", "to": "prod" }, { "from": "route", "outcome": "Dev", "to": "dev" },
            { "from": "route", "outcome": "Default", "to": "other" }
            """,
            """ "inputs": [ { "name": "env", "type": "string" } ], """));

        await engine.StartAsync("switch", new JsonObject { ["env"] = environment });

        Assert.Equal([expected], engine.SideEffects.Entries.Select(e => e.Label));
    }

    [Theory]
    [InlineData(true, "yes")]
    [InlineData(false, "no")]
    public async Task Decision_Condition_ContinuesOnTrueOrFalse(bool condition, string expected)
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("decision",
            """
            { "id": "check", "type": "Decision", "inputs": { "condition": { "js": "input.flag" } } },
            { "id": "yes", "type": "RecordSideEffect", "inputs": { "label": "yes" } },
            { "id": "no", "type": "RecordSideEffect", "inputs": { "label": "no" } }
            """,
            """{ "from": "check", "outcome": "True", "to": "yes" }, { "from": "check", "outcome": "False", "to": "no" }""",
            """ "inputs": [ { "name": "flag", "type": "boolean", "required": true } ], """));

        await engine.StartAsync("decision", new JsonObject { ["flag"] = condition });

        Assert.Equal([expected], engine.SideEffects.Entries.Select(e => e.Label));
    }

    [Fact]
    public async Task SetVariable_Value_IsVisibleToLaterExpressions()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("setvar",
            """
            { "id": "set", "type": "SetVariable", "inputs": { "name": "owner", "value": { "js": "input.team + '-oncall'" } } },
            { "id": "use", "type": "RecordSideEffect", "inputs": { "label": { "js": "vars.owner" } } }
            """,
            """{ "from": "set", "to": "use" }""",
            """ "inputs": [ { "name": "team", "type": "string" } ], "variables": [ { "name": "owner", "type": "string" } ], """));

        var instance = await engine.StartAsync("setvar", new JsonObject { ["team"] = "platform" });

        Assert.Equal("platform-oncall", instance.Variables["owner"]!.GetValue<string>());
        Assert.Equal(["platform-oncall"], engine.SideEffects.Entries.Select(e => e.Label));
    }

    [Fact]
    public async Task Delay_Duration_SuspendsOnATimerUntilDue()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("delay",
            """
            { "id": "soak", "type": "Delay", "inputs": { "duration": "PT30M" } },
            { "id": "after", "type": "RecordSideEffect", "inputs": { "label": "after" } }
            """, """{ "from": "soak", "to": "after" }"""));
        var started = engine.Time.GetUtcNow();

        var instance = await engine.StartAsync("delay");

        var timer = Assert.Single(await engine.BookmarksAsync(instance.Id));
        Assert.Equal(started.AddMinutes(30), timer.Bookmark.DueAt);
        Assert.Equal(0, await engine.AdvanceAsync(TimeSpan.FromMinutes(29)));
        Assert.Equal(1, await engine.AdvanceAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(1, engine.SideEffects.Count("after"));
    }

    [Fact]
    public async Task WaitUntil_InstantInTheFuture_WaitsAndInThePast_ContinuesAtOnce()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("until",
            """
            { "id": "window", "type": "WaitUntil", "inputs": { "at": { "js": "input.at" } } },
            { "id": "after", "type": "RecordSideEffect", "inputs": { "label": "after" } }
            """, """{ "from": "window", "to": "after" }""", """ "inputs": [ { "name": "at", "type": "dateTime", "required": true } ], """));
        var now = engine.Time.GetUtcNow();

        var future = await engine.StartAsync("until", new JsonObject { ["at"] = now.AddHours(2).ToString("O") });
        var past = await engine.StartAsync("until", new JsonObject { ["at"] = now.AddHours(-2).ToString("O") });

        Assert.Equal(InstanceStatus.Suspended, future.Status);
        Assert.Equal(InstanceStatus.Completed, past.Status);
        await engine.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Equal(InstanceStatus.Completed, (await engine.InstanceAsync(future.Id)).Status);
    }

    [Fact]
    public async Task WaitForEvent_Received_PublishesThePayload()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("event",
            """
            { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": "CHG7", "timeout": "PT1H" } },
            { "id": "after", "type": "RecordSideEffect", "inputs": { "label": { "js": "steps.wait.payload.state" } } }
            """, """{ "from": "wait", "outcome": "Received", "to": "after" }"""));
        var instance = await engine.StartAsync("event");
        Assert.Equal(2, (await engine.BookmarksAsync(instance.Id)).Count);

        await engine.RaiseAsync("approval", "CHG7", new JsonObject { ["state"] = "approved" });

        Assert.Equal(["approved"], engine.SideEffects.Entries.Select(e => e.Label));
        Assert.Empty(await engine.BookmarksAsync(instance.Id));
    }

    [Fact]
    public async Task WaitForEvent_NothingBeforeTimeout_ContinuesOnTimedOut()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("event-timeout",
            """
            { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": "CHG8", "timeout": "PT1H" } },
            { "id": "late", "type": "RecordSideEffect", "inputs": { "label": "late" } }
            """, """{ "from": "wait", "outcome": "TimedOut", "to": "late" }"""));
        var instance = await engine.StartAsync("event-timeout");

        await engine.AdvanceAsync(TimeSpan.FromHours(1));
        var afterTimeout = await engine.RaiseAsync("approval", "CHG8");

        Assert.Equal(["late"], engine.SideEffects.Entries.Select(e => e.Label));
        Assert.Equal(0, afterTimeout.Resumed);
        Assert.Equal(InstanceStatus.Completed, (await engine.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task ForEach_BatchSize_IteratesInBatchesThenDone()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("batches",
            """
            { "id": "each", "type": "ForEach", "inputs": { "items": ["a", "b", "c", "d", "e"], "batchSize": 2 } },
            { "id": "body", "type": "RecordSideEffect", "inputs": { "label": { "js": "steps.each.batchNumber + ':' + steps.each.batch.join(',')" } } },
            { "id": "done", "type": "RecordSideEffect", "inputs": { "label": { "js": "'done ' + steps.each.count" } } }
            """,
            """{ "from": "each", "outcome": "Iterate", "to": "body" }, { "from": "body", "to": "each" }, { "from": "each", "outcome": "Done", "to": "done" }""",
            """ "start": "each", """));

        var instance = await engine.StartAsync("batches");

        Assert.Equal(["1:a,b", "2:c,d", "3:e", "done 5"], engine.SideEffects.Entries.Select(e => e.Label));
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Empty(instance.Activities["each"].Data);
    }

    [Fact]
    public async Task ForEach_EmptyList_GoesStraightToDone()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("empty-each",
            """
            { "id": "each", "type": "ForEach", "inputs": { "items": [] } },
            { "id": "body", "type": "RecordSideEffect", "inputs": { "label": "body" } },
            { "id": "done", "type": "RecordSideEffect", "inputs": { "label": "done" } }
            """,
            """{ "from": "each", "outcome": "Iterate", "to": "body" }, { "from": "body", "to": "each" }, { "from": "each", "outcome": "Done", "to": "done" }""",
            """ "start": "each", """));

        await engine.StartAsync("empty-each");

        Assert.Equal(["done"], engine.SideEffects.Entries.Select(e => e.Label));
    }

    [Fact]
    public async Task Fail_Reason_FaultsTheInstanceWithThatReason()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("fail", """{ "id": "stop", "type": "Fail", "inputs": { "reason": { "js": "'blocked by ' + input.who" } } }""", "", """ "inputs": [ { "name": "who", "type": "string" } ], """));

        var instance = await engine.StartAsync("fail", new JsonObject { ["who"] = "freeze" });

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Equal("blocked by freeze", instance.Incident!.Message);
    }

    [Fact]
    public async Task Log_Message_IsWrittenToTheJournal()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("log", """{ "id": "say", "type": "Log", "inputs": { "message": { "js": "`hello ${instance.id}`" }, "level": "warning" } }""", ""));

        var instance = await engine.StartAsync("log", instanceId: "i-42");

        Assert.Contains(await engine.JournalAsync(instance.Id), e => e.Type == JournalEntryType.Message && e.Message == "hello i-42");
    }
}
