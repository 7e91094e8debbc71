using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Faults;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Engine.Tests.Runtime;

/// <summary>
/// A stimulus id counts as taken in only in the commit that applies it: a failure before that commit leaves the id
/// free for a retry, a failure after it makes the retry a duplicate, and a retry reaches only the bookmarks the first
/// delivery did not.
/// </summary>
public sealed class StimulusFaultTests
{
    private static string WaitFlow(string id) => Flows.Json(id,
        """
        { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": { "js": "input.change" } } },
        { "id": "record", "type": "RecordSideEffect", "inputs": { "label": { "js": "'approved ' + steps.wait.payload.by" } } }
        """,
        """{ "from": "wait", "outcome": "Received", "to": "record" }""",
        """ "inputs": [ { "name": "change", "type": "string", "required": true } ], """);

    [Fact]
    public async Task RaiseEvent_FailureBeforeTheCommit_RetryWithTheSameIdResumesOnce()
    {
        using var engine = new EngineHarness(s => s.AddSingleton<IFaultPoints>(new FailingFaultPoints(FaultPoint.BeforeCommit)));
        await engine.PublishAsync(WaitFlow("wait-flow"));
        var instance = await engine.StartAsync("wait-flow", new JsonObject { ["change"] = "CHG1" });

        await Assert.ThrowsAsync<IOException>(() => engine.RaiseAsync("approval", "CHG1", new JsonObject { ["by"] = "ann" }, stimulusId: "delivery-1"));
        var retry = await engine.RaiseAsync("approval", "CHG1", new JsonObject { ["by"] = "ann" }, stimulusId: "delivery-1");

        Assert.Equal((1, false), (retry.Resumed, retry.Duplicate));
        Assert.Equal(1, await ResumesAsync(engine, instance.Id));
        Assert.Equal(InstanceStatus.Completed, (await engine.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task RaiseEvent_FailureAfterTheCommit_RetryWithTheSameIdIsADuplicate()
    {
        using var engine = new EngineHarness(s => s.AddSingleton<IFaultPoints>(new FailingFaultPoints(FaultPoint.AfterCommit)));
        await engine.PublishAsync(WaitFlow("wait-flow"));
        var instance = await engine.StartAsync("wait-flow", new JsonObject { ["change"] = "CHG1" });

        await Assert.ThrowsAsync<IOException>(() => engine.RaiseAsync("approval", "CHG1", new JsonObject { ["by"] = "ann" }, stimulusId: "delivery-1"));
        var retry = await engine.RaiseAsync("approval", "CHG1", new JsonObject { ["by"] = "ann" }, stimulusId: "delivery-1");

        Assert.Equal((0, true), (retry.Resumed, retry.Duplicate));
        Assert.Equal(1, await ResumesAsync(engine, instance.Id));
    }

    [Fact]
    public async Task RaiseEvent_TwoWaitersAndAFailureAfterTheFirstCommit_RetryResumesOnlyTheSecond()
    {
        using var engine = new EngineHarness(s => s.AddSingleton<IFaultPoints>(new FailingFaultPoints(FaultPoint.AfterCommit)));
        await engine.PublishAsync(WaitFlow("wait-flow"));
        var first = await engine.StartAsync("wait-flow", new JsonObject { ["change"] = "CHG1" });
        var second = await engine.StartAsync("wait-flow", new JsonObject { ["change"] = "CHG1" });
        engine.Time.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<IOException>(() => engine.RaiseAsync("approval", "CHG1", new JsonObject { ["by"] = "ann" }, stimulusId: "delivery-1"));
        var retry = await engine.RaiseAsync("approval", "CHG1", new JsonObject { ["by"] = "ann" }, stimulusId: "delivery-1");
        var again = await engine.RaiseAsync("approval", "CHG1", new JsonObject { ["by"] = "ann" }, stimulusId: "delivery-1");

        Assert.Equal((1, false), (retry.Resumed, retry.Duplicate));
        Assert.True(again.Duplicate);
        Assert.Equal((1, 1), (await ResumesAsync(engine, first.Id), await ResumesAsync(engine, second.Id)));
    }

    [Fact]
    public async Task RaiseEvent_BufferedThenSentAgain_IsADuplicateAndDeliveredOnceTheBookmarkExists()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(WaitFlow("wait-flow"));

        var early = await engine.RaiseAsync("approval", "CHG9", new JsonObject { ["by"] = "ann" }, stimulusId: "delivery-9");
        var again = await engine.RaiseAsync("approval", "CHG9", new JsonObject { ["by"] = "ann" }, stimulusId: "delivery-9");
        var instance = await engine.StartAsync("wait-flow", new JsonObject { ["change"] = "CHG9" });
        var late = await engine.RaiseAsync("approval", "CHG9", new JsonObject { ["by"] = "ann" }, stimulusId: "delivery-9");

        Assert.True(early.Buffered);
        Assert.True(again.Duplicate);
        Assert.True(late.Duplicate);
        Assert.Equal(1, await ResumesAsync(engine, instance.Id));
        Assert.Equal(1, engine.SideEffects.Count("approved ann"));
    }

    private static async Task<int> ResumesAsync(EngineHarness engine, string instanceId) =>
        (await engine.Store.GetJournalAsync(instanceId, 0, 1000, CancellationToken.None)).Count(e => e.Type == JournalEntryType.ActivityResumed);
}
