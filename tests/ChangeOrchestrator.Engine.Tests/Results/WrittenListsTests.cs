using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.Engine.Tests.Support;

namespace ChangeOrchestrator.Engine.Tests.Results;

public sealed class WrittenListsTests
{
    /// <summary>A first step that waits, so that what follows runs once the instance is stored and can write ahead of its commits.</summary>
    private const string Pause = """ { "id": "pause", "type": "Delay", "inputs": { "duration": "PT1S" } }, """;

    private const string Variables = """ "variables": [ { "name": "round", "type": "integer", "default": 0 } ], """;

    [Fact]
    public async Task WriteList_PagesWrittenWhileTheActivityRuns_AreItsOutputListAndTheCommitKeepsThem()
    {
        using var engine = Engine();
        await engine.PublishAsync(Flows.Json("write",
            Pause + """
            { "id": "write", "type": "WriteServers", "inputs": { "count": 250 } },
            { "id": "sum", "type": "SumMissing", "inputs": { "servers": { "js": "steps.write.servers" } } },
            { "id": "say", "type": "Log", "inputs": { "message": { "js": "`${steps.write.servers.length} servers, last ${[...steps.write.servers].pop().instanceId}`" } } }
            """,
            """ { "from": "pause", "to": "write" }, { "from": "write", "to": "sum" }, { "from": "sum", "to": "say" } """));

        var instance = await AfterThePauseAsync(engine, "write");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        var reference = instance.Steps["write"]!["servers"]!.AsObject();
        var part = Assert.Single(ResultReference.Parts(reference));
        Assert.Equal(("write", "servers", 250), (part.Activity, part.Name, ResultReference.CountOf(reference)));
        var list = Assert.Single(await engine.Store.ListsAsync(instance.Id, CancellationToken.None));
        Assert.Equal(("write", "servers", 250), (list.Activity, list.Name, list.Count));
        Assert.Equal(250, instance.Steps["sum"]!["servers"]!.GetValue<int>());
        Assert.Equal(249, instance.Steps["sum"]!["missing"]!.GetValue<int>());
        Assert.Contains(await engine.JournalAsync(instance.Id), e => e.Message == "250 servers, last i-249");
    }

    [Fact]
    public async Task WriteList_ExecutionThatFailedAfterWriting_IsWrittenAgainFromTheFirstPage()
    {
        using var engine = Engine();
        await engine.PublishAsync(Flows.Json("retry",
            Pause + """
            { "id": "write", "type": "WriteServers", "inputs": { "count": 180, "pageSize": 40, "failAfterWriting": true },
              "retry": { "attempts": 2, "backoff": "PT10S" } }
            """, """ { "from": "pause", "to": "write" } """));

        var started = await AfterThePauseAsync(engine, "retry");
        var left = await engine.Store.ListsAsync(started.Id, CancellationToken.None);
        await engine.AdvanceAsync(TimeSpan.FromSeconds(10));
        var instance = await engine.InstanceAsync(started.Id);

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(230, Assert.Single(left).Count);
        Assert.Equal(180, Assert.Single(await engine.Store.ListsAsync(instance.Id, CancellationToken.None)).Count);
        Assert.Equal(180, instance.Steps["write"]!["written"]!.GetValue<int>());
        var last = await engine.Store.ReadAsync(new ResultQuery(instance.Id) { Activity = "write", Name = "servers", Server = "i-17" }, CancellationToken.None);
        Assert.Equal(10, last.Items.Count);
    }

    [Fact]
    public async Task WriteList_InTheBurstThatStartsTheInstance_IsHeldForTheCommitAndNothingIsWrittenAhead()
    {
        using var engine = Engine();
        await engine.PublishAsync(Flows.Json("first",
            """
            { "id": "write", "type": "WriteServers", "inputs": { "count": 180, "pageSize": 40, "failAfterWriting": true },
              "retry": { "attempts": 2, "backoff": "PT10S" } }
            """, ""));

        var started = await engine.StartAsync("first");
        var left = await engine.Store.ListsAsync(started.Id, CancellationToken.None);
        await engine.AdvanceAsync(TimeSpan.FromSeconds(10));
        var instance = await engine.InstanceAsync(started.Id);

        Assert.Empty(left);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(180, ResultReference.CountOf(instance.Steps["write"]!["servers"]));
        Assert.Equal(180, Assert.Single(await engine.Store.ListsAsync(instance.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task WriteList_ActivityRunAgainWithFewerServers_ReplacesTheListItsOutputNamed()
    {
        using var engine = Engine();
        await engine.PublishAsync(Flows.Json("loop",
            """
            { "id": "write", "type": "WriteServers", "inputs": { "count": { "js": "vars.round === 0 ? 250 : 120" } } },
            { "id": "bump", "type": "SetVariable", "inputs": { "name": "round", "value": { "js": "vars.round + 1" } } },
            { "id": "again", "type": "Decision", "inputs": { "condition": { "js": "vars.round < 2" } } },
            { "id": "pause", "type": "Delay", "inputs": { "duration": "PT1S" } },
            { "id": "sum", "type": "SumMissing", "inputs": { "servers": { "js": "steps.write.servers" } } }
            """,
            """
            { "from": "write", "to": "bump" }, { "from": "bump", "to": "again" },
            { "from": "again", "outcome": "True", "to": "pause" }, { "from": "pause", "to": "write" }, { "from": "again", "outcome": "False", "to": "sum" }
            """,
            """ "start": "write", """ + Variables));

        var started = await engine.StartAsync("loop");
        await engine.AdvanceAsync(TimeSpan.FromSeconds(1));
        var instance = await engine.InstanceAsync(started.Id);

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(120, ResultReference.CountOf(instance.Steps["write"]!["servers"]));
        Assert.Equal(120, Assert.Single(await engine.Store.ListsAsync(instance.Id, CancellationToken.None)).Count);
        Assert.Equal(120, instance.Steps["sum"]!["servers"]!.GetValue<int>());
    }

    [Fact]
    public async Task WriteList_NothingWritten_OutputsAnEmptyListAndStoresNone()
    {
        using var engine = Engine();
        await engine.PublishAsync(Flows.Json("none", """{ "id": "write", "type": "WriteServers", "inputs": { "count": 0 } }""", ""));

        var instance = await engine.StartAsync("none");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Empty(instance.Steps["write"]!["servers"]!.AsArray());
        Assert.Empty(await engine.Store.ListsAsync(instance.Id, CancellationToken.None));
    }

    [Fact]
    public async Task WriteMap_PropertiesWrittenAPageAtATime_AreReadBackAsTheObjectTheOutputNames()
    {
        using var engine = Engine();
        await engine.PublishAsync(Flows.Json("map",
            Pause + """
            { "id": "write", "type": "WriteServers", "inputs": { "count": 250, "pageSize": 60, "owners": true } },
            { "id": "say", "type": "Log", "inputs": { "message": { "js": "`${Object.keys(steps.write.owners).length} owners, i-249 in ${steps.write.owners['i-249']}`" } } }
            """,
            """ { "from": "pause", "to": "write" }, { "from": "write", "to": "say" } """));

        var instance = await AfterThePauseAsync(engine, "map");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        var reference = instance.Steps["write"]!["owners"]!.AsObject();
        Assert.True(ResultReference.Is(reference));
        Assert.Equal(("write", "owners"), (Assert.Single(ResultReference.Parts(reference)).Activity, ResultReference.Parts(reference).Single().Name));
        Assert.Contains(await engine.JournalAsync(instance.Id), e => e.Message == "250 owners, i-249 in team-4");
        var owner = await engine.Store.ReadAsync(new ResultQuery(instance.Id) { Activity = "write", Name = "owners", Server = "i-249" }, CancellationToken.None);
        Assert.Equal("team-4", Assert.Single(owner.Items).Data!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task WriteMap_InTheBurstThatStartsTheInstance_IsStoredByTheCommitAsTheSameObject()
    {
        using var engine = Engine();
        await engine.PublishAsync(Flows.Json("first",
            """
            { "id": "write", "type": "WriteServers", "inputs": { "count": 250, "pageSize": 60, "owners": true } },
            { "id": "say", "type": "Log", "inputs": { "message": { "js": "`${Object.keys(steps.write.owners).length} owners, i-249 in ${steps.write.owners['i-249']}`" } } }
            """,
            """ { "from": "write", "to": "say" } """));

        var instance = await engine.StartAsync("first");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.True(ResultReference.Is(instance.Steps["write"]!["owners"]!.AsObject()));
        Assert.Contains(await engine.JournalAsync(instance.Id), e => e.Message == "250 owners, i-249 in team-4");
        var lists = await engine.Store.ListsAsync(instance.Id, CancellationToken.None);
        Assert.Equal([("owners", 250), ("servers", 250)], lists.Select(l => (l.Name, l.Count)).Order());
    }

    [Fact]
    public async Task WriteMap_NothingWritten_OutputsAnEmptyObject()
    {
        using var engine = Engine();
        await engine.PublishAsync(Flows.Json("none", """{ "id": "write", "type": "WriteServers", "inputs": { "count": 0, "owners": true } }""", ""));

        var instance = await engine.StartAsync("none");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Empty(instance.Steps["write"]!["owners"]!.AsObject());
        Assert.Empty(await engine.Store.ListsAsync(instance.Id, CancellationToken.None));
    }

    private static async Task<WorkflowInstance> AfterThePauseAsync(EngineHarness engine, string definitionId)
    {
        var started = await engine.StartAsync(definitionId);
        await engine.AdvanceAsync(TimeSpan.FromSeconds(1));
        return await engine.InstanceAsync(started.Id);
    }

    private static EngineHarness Engine() => new(services => services.AddActivity<WriteServers>().AddActivity<SumMissing>());
}
