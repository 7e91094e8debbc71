using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.Engine.Tests.Support;

namespace ChangeOrchestrator.Engine.Tests.Results;

public sealed class SharedListsTests
{
    private const string Variables = """ "variables": [ { "name": "servers", "type": "array" }, { "name": "round", "type": "integer", "default": 0 } ], """;

    [Fact]
    public async Task SetVariable_ListOfAnActivityThatCompletesOnce_SharesTheStoredListAndActivitiesReadItItemByItem()
    {
        using var engine = Engine();
        await engine.PublishAsync(Flows.Json("share",
            """
            { "id": "list", "type": "ListServers", "inputs": { "count": 120 } },
            { "id": "keep", "type": "SetVariable", "inputs": { "name": "servers", "value": { "js": "steps.list.servers" } } },
            { "id": "sum", "type": "SumMissing", "inputs": { "servers": { "js": "vars.servers" } } },
            { "id": "say", "type": "Log", "inputs": { "message": { "js": "`${vars.servers.length} servers, last ${[...vars.servers].pop().instanceId}`" } } }
            """,
            """ { "from": "list", "to": "keep" }, { "from": "keep", "to": "sum" }, { "from": "sum", "to": "say" } """,
            Variables));

        var instance = await engine.StartAsync("share");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        var part = Assert.Single(ResultReference.Parts(instance.Variables["servers"]!.AsObject()));
        Assert.Equal(("list", "servers"), (part.Activity, part.Name));
        var lists = await engine.Store.ListsAsync(instance.Id, CancellationToken.None);
        Assert.DoesNotContain(lists, l => l.Activity == ResultReplacement.VariablesOwner);
        var sum = instance.Steps["sum"]!;
        Assert.Equal(120, sum["servers"]!.GetValue<int>());
        Assert.Equal(120, sum["missing"]!.GetValue<int>());
        Assert.True(sum["receivedReference"]!.GetValue<bool>());
        Assert.Contains(await engine.JournalAsync(instance.Id), e => e.Message == "120 servers, last i-119");
    }

    [Fact]
    public async Task SetVariable_ListOfAnActivityInALoop_KeepsACopyThatTheNextRoundDoesNotChange()
    {
        using var engine = Engine();
        await engine.PublishAsync(Flows.Json("loop",
            """
            { "id": "list", "type": "ListServers", "inputs": { "count": { "js": "vars.round === 0 ? 120 : 60" } } },
            { "id": "keep", "type": "SetVariable", "inputs": { "name": "servers", "value": { "js": "vars.round === 0 ? steps.list.servers : vars.servers" } } },
            { "id": "bump", "type": "SetVariable", "inputs": { "name": "round", "value": { "js": "vars.round + 1" } } },
            { "id": "again", "type": "Decision", "inputs": { "condition": { "js": "vars.round < 2" } } },
            { "id": "pause", "type": "Delay", "inputs": { "duration": "PT1S" } },
            { "id": "sum", "type": "SumMissing", "inputs": { "servers": { "js": "vars.servers" } } }
            """,
            """
            { "from": "list", "to": "keep" }, { "from": "keep", "to": "bump" }, { "from": "bump", "to": "again" },
            { "from": "again", "outcome": "True", "to": "pause" }, { "from": "pause", "to": "list" }, { "from": "again", "outcome": "False", "to": "sum" }
            """,
            """ "start": "list", """ + Variables));

        var started = await engine.StartAsync("loop");
        await engine.AdvanceAsync(TimeSpan.FromSeconds(1));
        var instance = await engine.InstanceAsync(started.Id);

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(60, ResultReference.CountOf(instance.Steps["list"]!["servers"]));
        var part = Assert.Single(ResultReference.Parts(instance.Variables["servers"]!.AsObject()));
        Assert.Equal((ResultReplacement.VariablesOwner, "servers"), (part.Activity, part.Name));
        Assert.Equal(120, instance.Steps["sum"]!["servers"]!.GetValue<int>());
    }

    [Fact]
    public async Task ReadListAsync_ItemOfTheWrongShape_FaultsNamingTheInputThePositionAndTheField()
    {
        using var engine = Engine();
        await engine.PublishAsync(Flows.Json("shape",
            """
            { "id": "sum", "type": "SumMissing", "inputs": { "servers": [ { "instanceId": "i-1", "missing": 1 }, { "instanceId": "i-2", "missing": "many" } ] } }
            """,
            ""));

        var instance = await engine.StartAsync("shape");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains("'sum'", instance.Incident!.Message, StringComparison.Ordinal);
        Assert.Contains("servers[1].missing", instance.Incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamsResults_InputDeclaredAsAnArray_IsAnArrayInTheCatalogueAndALiteralOfAnotherTypeIsRefused()
    {
        using var engine = Engine();

        var servers = engine.Catalogue.Find("SumMissing")!.FindInput("servers")!;
        var result = await engine.Get<DefinitionPublisher>().PublishAsync(
            Flows.Json("literal", """{ "id": "sum", "type": "SumMissing", "inputs": { "servers": "i-1" } }""", ""), "literal.json", CancellationToken.None);

        Assert.Equal((DataType.Array, true), (servers.Type, servers.StreamsResults));
        var error = Assert.Single(result.Errors);
        Assert.Contains("$.activities[0].inputs.servers", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("array", error.ToString(), StringComparison.Ordinal);
        Assert.Null(result.Stored);
    }

    [Fact]
    public async Task StreamsState_PollsThatLeaveTheirListKeepItStoredUntilTheActivityReadsAndReplacesIt()
    {
        using var engine = Engine();
        await engine.PublishAsync(Flows.Json("poll", """{ "id": "poll", "type": "PollServers", "inputs": { "count": 150, "readAt": 4 } }""", ""));

        var started = await engine.StartAsync("poll");
        var listed = await engine.Store.ListsAsync(started.Id, CancellationToken.None);
        for (var round = 1; round <= 5; round++)
        {
            await engine.AdvanceAsync(TimeSpan.FromSeconds(1));
        }

        var instance = await engine.InstanceAsync(started.Id);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        var list = Assert.Single(listed);
        Assert.Equal(("poll", 150), (list.Activity, list.Count));
        var output = instance.Steps["poll"]!;
        Assert.Equal(3, output["unreadAsReference"]!.GetValue<int>());
        Assert.Equal(150, output["servers"]!.GetValue<int>());
        Assert.Equal(150, output["done"]!.GetValue<int>());
        var page = await engine.Store.ReadAsync(new ResultQuery(instance.Id) { Activity = "poll", Name = list.Name, State = "Done" }, CancellationToken.None);
        Assert.Equal(50, page.Items.Count);
    }

    private static EngineHarness Engine() => new(services => services.AddActivity<ListServers>().AddActivity<SumMissing>().AddActivity<PollServers>());
}
