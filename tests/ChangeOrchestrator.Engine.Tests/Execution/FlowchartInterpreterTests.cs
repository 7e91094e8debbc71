using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Engine.Tests.Execution;

public sealed class FlowchartInterpreterTests
{
    [Fact]
    public async Task Run_ParallelBranchesWithJoinAll_ContinuesOnlyAfterEveryBranch()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("fork-all",
            """
            { "id": "fork", "type": "Log", "inputs": { "message": "fork" } },
            { "id": "fast", "type": "RecordSideEffect", "inputs": { "label": "fast" } },
            { "id": "slow", "type": "Delay", "inputs": { "duration": "PT1H" } },
            { "id": "join", "type": "Join", "inputs": { "mode": "all" } },
            { "id": "after", "type": "RecordSideEffect", "inputs": { "label": "after" } }
            """,
            """
            { "from": "fork", "to": "fast" }, { "from": "fork", "to": "slow" },
            { "from": "fast", "to": "join" }, { "from": "slow", "to": "join" }, { "from": "join", "to": "after" }
            """));

        var instance = await engine.StartAsync("fork-all");
        Assert.Equal(InstanceStatus.Suspended, instance.Status);
        Assert.Equal(1, engine.SideEffects.Count("fast"));
        Assert.Equal(0, engine.SideEffects.Count("after"));

        await engine.AdvanceAsync(TimeSpan.FromHours(1));

        var finished = await engine.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Completed, finished.Status);
        Assert.Equal(1, engine.SideEffects.Count("after"));
        Assert.Equal(["fast", "slow"], finished.Steps["join"]!["arrived"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task Run_JoinAny_ContinuesOnFirstBranchAndCancelsTheOthers()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("race",
            """
            { "id": "fork", "type": "Log", "inputs": { "message": "fork" } },
            { "id": "approval", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": "CHG1" } },
            { "id": "deadline", "type": "Delay", "inputs": { "duration": "P1D" } },
            { "id": "join", "type": "Join", "inputs": { "mode": "any" } },
            { "id": "after", "type": "RecordSideEffect", "inputs": { "label": "after" } }
            """,
            """
            { "from": "fork", "to": "approval" }, { "from": "fork", "to": "deadline" },
            { "from": "approval", "outcome": "Received", "to": "join" }, { "from": "deadline", "to": "join" }, { "from": "join", "to": "after" }
            """));
        var instance = await engine.StartAsync("race");
        Assert.Equal(2, (await engine.BookmarksAsync(instance.Id)).Count);

        var raised = await engine.RaiseAsync("approval", "CHG1");

        Assert.Equal(1, raised.Resumed);
        var finished = await engine.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Completed, finished.Status);
        Assert.Empty(await engine.BookmarksAsync(instance.Id));
        Assert.Contains(await engine.JournalAsync(instance.Id), e => e.Type == JournalEntryType.BranchCancelled && e.ActivityId == "deadline");

        await engine.AdvanceAsync(TimeSpan.FromDays(2));
        Assert.Equal(1, engine.SideEffects.Count("after"));
    }

    [Fact]
    public async Task Run_TransientFaultWithRetryPolicy_RetriesWithExponentialBackoff()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("flaky",
            """
            { "id": "call", "type": "FlakyStep", "inputs": { "label": "call", "failures": 2 },
              "retry": { "attempts": 3, "backoff": "PT10S", "multiplier": 3 } }
            """, ""));

        var instance = await engine.StartAsync("flaky");
        Assert.Equal(InstanceStatus.Suspended, instance.Status);
        var retry = Assert.Single(await engine.BookmarksAsync(instance.Id));
        Assert.Equal(engine.Time.GetUtcNow().AddSeconds(10), retry.Bookmark.DueAt);

        await engine.AdvanceAsync(TimeSpan.FromSeconds(9));
        Assert.Equal(1, engine.SideEffects.Count("call"));
        await engine.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, engine.SideEffects.Count("call"));
        var second = Assert.Single(await engine.BookmarksAsync(instance.Id));
        Assert.Equal(engine.Time.GetUtcNow().AddSeconds(30), second.Bookmark.DueAt);

        await engine.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, engine.SideEffects.Count("call"));
        Assert.Equal(InstanceStatus.Completed, (await engine.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task Run_PermanentFault_IsNotRetriedAndBecomesAnIncident()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("broken",
            """
            { "id": "call", "type": "FlakyStep", "inputs": { "label": "call", "failures": 1, "transient": false },
              "retry": { "attempts": 5, "backoff": "PT1S" } }
            """, ""));

        var instance = await engine.StartAsync("broken");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Equal("call", instance.Incident!.ActivityId);
        Assert.Equal(1, engine.SideEffects.Count("call"));
        Assert.Empty(await engine.BookmarksAsync(instance.Id));
    }

    [Fact]
    public async Task Retry_FaultedInstance_RerunsOnlyTheFailedActivity()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("retry-incident",
            """
            { "id": "before", "type": "RecordSideEffect", "inputs": { "label": "before" } },
            { "id": "call", "type": "FlakyStep", "inputs": { "label": "call", "failures": 1, "transient": false } },
            { "id": "after", "type": "RecordSideEffect", "inputs": { "label": "after" } }
            """,
            """{ "from": "before", "to": "call" }, { "from": "call", "to": "after" }"""));
        var instance = await engine.StartAsync("retry-incident");
        Assert.Equal(InstanceStatus.Faulted, instance.Status);

        var retried = await engine.Runtime.RetryAsync(instance.Id, CancellationToken.None);

        Assert.Equal(InstanceStatus.Completed, retried.Status);
        Assert.Null(retried.Incident);
        Assert.Equal(1, engine.SideEffects.Count("before"));
        Assert.Equal(2, engine.SideEffects.Count("call"));
        Assert.Equal(1, engine.SideEffects.Count("after"));
    }

    [Fact]
    public async Task Run_FaultWithFaultedConnection_ContinuesOnFaultedOutcome()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("handled",
            """
            { "id": "call", "type": "FlakyStep", "inputs": { "label": "call", "failures": 9 }, "retry": { "attempts": 2, "backoff": "PT1S" } },
            { "id": "compensate", "type": "RecordSideEffect", "inputs": { "label": "compensate" } }
            """,
            """{ "from": "call", "outcome": "Faulted", "to": "compensate" }"""));

        var instance = await engine.StartAsync("handled");
        await engine.AdvanceAsync(TimeSpan.FromSeconds(1));

        var finished = await engine.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Completed, finished.Status);
        Assert.Equal(2, engine.SideEffects.Count("call"));
        Assert.Equal(1, engine.SideEffects.Count("compensate"));
        Assert.Equal("call failed", finished.Steps["call"]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_SuspendedActivityPastItsTimeout_Faults()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("timeout",
            """{ "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": "k" }, "timeout": "PT1H" }""", ""));

        var instance = await engine.StartAsync("timeout");
        await engine.AdvanceAsync(TimeSpan.FromMinutes(59));
        Assert.Equal(InstanceStatus.Suspended, (await engine.InstanceAsync(instance.Id)).Status);
        await engine.AdvanceAsync(TimeSpan.FromMinutes(1));

        var faulted = await engine.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Faulted, faulted.Status);
        Assert.Contains("timed out", faulted.Incident!.Message);
        Assert.Empty(await engine.BookmarksAsync(instance.Id));
    }

    [Fact]
    public async Task Cancel_InstanceWithCancelPath_RunsTheCancelPathAndEndsCancelled()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("cancellable",
            """
            { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": "CHG9" } },
            { "id": "done", "type": "RecordSideEffect", "inputs": { "label": "done" } },
            { "id": "withdraw", "type": "RecordSideEffect", "inputs": { "label": "withdraw" } }
            """,
            """{ "from": "wait", "outcome": "Received", "to": "done" }""",
            """ "cancel": "withdraw", """));
        var instance = await engine.StartAsync("cancellable");

        var cancelled = await engine.Runtime.CancelAsync(instance.Id, CancellationToken.None);

        Assert.Equal(InstanceStatus.Cancelled, cancelled.Status);
        Assert.Equal(1, engine.SideEffects.Count("withdraw"));
        Assert.Empty(await engine.BookmarksAsync(instance.Id));
        var late = await engine.RaiseAsync("approval", "CHG9");
        Assert.Equal(0, late.Resumed);
        Assert.Equal(0, engine.SideEffects.Count("done"));
    }

    [Fact]
    public async Task Run_RunawayLoopOfForEachWithoutEnd_IsStoppedAtTheBurstLimit()
    {
        using var engine = new EngineHarness(s => s.Configure<EngineOptions>(o => o.MaxActivitiesPerBurst = 50));
        await engine.PublishAsync(Flows.Json("long-loop",
            """
            { "id": "each", "type": "ForEach", "inputs": { "items": { "js": "Array.from({length: 1000}, (_, i) => i)" } } },
            { "id": "body", "type": "Log", "inputs": { "message": "x" } }
            """,
            """{ "from": "each", "outcome": "Iterate", "to": "body" }, { "from": "body", "to": "each" }""",
            """ "start": "each", """));

        var instance = await engine.StartAsync("long-loop");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains("without waiting", instance.Incident!.Message);
    }

    [Fact]
    public async Task Run_SideEffectActivity_GetsAStableIdempotencyKeyPerExecution()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("keys",
            """
            { "id": "each", "type": "ForEach", "inputs": { "items": [1, 2] } },
            { "id": "effect", "type": "RecordSideEffect", "inputs": { "label": "effect" } }
            """,
            """{ "from": "each", "outcome": "Iterate", "to": "effect" }, { "from": "effect", "to": "each" }""",
            """ "start": "each", """));

        var instance = await engine.StartAsync("keys", instanceId: "i-1");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(["i-1:effect:0", "i-1:effect:1"], engine.SideEffects.Entries.Select(e => e.Key));
    }

    [Fact]
    public async Task Run_InputExpressionThatThrows_CreatesIncidentNamingTheInput()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("bad-expression",
            """{ "id": "log", "type": "Log", "inputs": { "message": { "js": "input.missing.field" } } }""", ""));

        var instance = await engine.StartAsync("bad-expression");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains("Input 'message' of activity 'log'", instance.Incident!.Message);
    }

    [Fact]
    public async Task Run_Journal_RecordsEveryStepInOrder()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("journal",
            """
            { "id": "a", "type": "Log", "inputs": { "message": "hello" } },
            { "id": "b", "type": "Delay", "inputs": { "duration": "PT5M" } }
            """,
            """{ "from": "a", "to": "b" }"""));

        var instance = await engine.StartAsync("journal");
        await engine.AdvanceAsync(TimeSpan.FromMinutes(5));

        var journal = await engine.JournalAsync(instance.Id);
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Sequence));
        Assert.Equal(
            [
                JournalEntryType.InstanceStarted, JournalEntryType.ActivityStarted, JournalEntryType.Message, JournalEntryType.ActivityCompleted,
                JournalEntryType.ActivityStarted, JournalEntryType.ActivitySuspended, JournalEntryType.ActivityResumed,
                JournalEntryType.ActivityCompleted, JournalEntryType.InstanceCompleted,
            ],
            journal.Select(e => e.Type));
        Assert.Equal("hello", journal[2].Message);
        Assert.Equal(JsonValue.Create("Done")!.GetValue<string>(), journal[3].Message);
    }
}
