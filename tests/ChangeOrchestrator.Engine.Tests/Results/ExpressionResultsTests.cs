using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.Engine.Tests.Support;

namespace ChangeOrchestrator.Engine.Tests.Results;

public sealed class ExpressionResultsTests
{
    private const string Activities = """
        { "id": "make", "type": "SetVariable", "inputs": { "name": "ids", "value": { "js": "Array.from({ length: 200 }, (_, i) => 'i-' + String(i).padStart(3, '0'))" } } },
        { "id": "half", "type": "SetVariable", "inputs": { "name": "firstHalf", "value": { "js": "vars.ids.slice(0, 100)" } } },
        { "id": "joined", "type": "SetVariable", "inputs": { "name": "both", "value": { "js": "concatLists(vars.firstHalf, ['extra'], vars.ids)" } } },
        { "id": "say", "type": "Log", "inputs": { "message": { "js": "`${vars.ids.length} ids, ${vars.both.length} joined, first ${vars.ids[0]}, last of both ${[...vars.both].pop()}`" } } }
        """;

    private const string Connections = """
        { "from": "make", "to": "half" }, { "from": "half", "to": "joined" }, { "from": "joined", "to": "say" }
        """;

    [Fact]
    public async Task Run_LongListsInVariables_StoredApartAndReadOnlyWhereExpressionsUseTheItems()
    {
        using var engine = new EngineHarness();
        await engine.PublishAsync(Flows.Json("lists", Activities, Connections,
            """ "variables": [ { "name": "ids", "type": "array" }, { "name": "firstHalf", "type": "array" }, { "name": "both", "type": "array" } ], """));

        var instance = await engine.StartAsync("lists");

        Assert.True(instance.Status == InstanceStatus.Completed,
            $"{instance.Status}: {string.Join("; ", (await engine.JournalAsync(instance.Id)).Select(e => $"{e.Type} {e.ActivityId} {e.Message} {e.Data?.ToJsonString()}"))}");
        Assert.True(ResultReference.Is(instance.Variables["ids"]));
        Assert.Equal(200, ResultReference.CountOf(instance.Variables["ids"]));
        Assert.Equal(301, ResultReference.CountOf(instance.Variables["both"]));
        var journal = await engine.JournalAsync(instance.Id);
        Assert.Contains(journal, e => e.Message == "200 ids, 301 joined, first i-000, last of both i-199");

        var page = await engine.Store.ReadAsync(new ResultQuery(instance.Id) { Activity = ResultReplacement.VariablesOwner, Name = "firstHalf", Limit = 60 }, CancellationToken.None);
        Assert.Equal(60, page.Items.Count);
        Assert.Equal("i-059", page.Items[^1].ServerId);
        var next = await engine.Store.ReadAsync(
            new ResultQuery(instance.Id) { Activity = ResultReplacement.VariablesOwner, Name = "firstHalf", After = ResultKey.Parse(page.Next!), Limit = 60 }, CancellationToken.None);
        Assert.Equal(40, next.Items.Count);
        Assert.Null(next.Next);
    }
}
