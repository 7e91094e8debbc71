using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Tests.Support;

namespace ChangeOrchestrator.Engine.Tests.Definitions;

public sealed class FlowGraphTests
{
    [Fact]
    public async Task CompletesOnce_ChainLoopAndParallelBranches_TrueOnlyWhereNoPathComesBackOrSplits()
    {
        using var engine = new EngineHarness();
        var definition = await engine.PublishAsync(Flows.Json("graph",
            """
            { "id": "start", "type": "Log", "inputs": { "message": "a" } },
            { "id": "check", "type": "Decision", "inputs": { "condition": true } },
            { "id": "retry", "type": "Delay", "inputs": { "duration": "PT1M" } },
            { "id": "split", "type": "Log", "inputs": { "message": "c" } },
            { "id": "left", "type": "Log", "inputs": { "message": "d" } },
            { "id": "right", "type": "Log", "inputs": { "message": "e" } },
            { "id": "after", "type": "Log", "inputs": { "message": "f" } }
            """,
            """
            { "from": "start", "to": "check" }, { "from": "check", "outcome": "False", "to": "retry" }, { "from": "retry", "to": "check" },
            { "from": "check", "outcome": "True", "to": "split" }, { "from": "split", "to": "left" }, { "from": "split", "to": "right" },
            { "from": "left", "to": "after" }, { "from": "right", "to": "after" }
            """,
            """ "start": "start", """));
        var graph = FlowGraph.For(definition);

        Assert.True(graph.CompletesOnce("start"));
        Assert.False(graph.CompletesOnce("check"));
        Assert.False(graph.CompletesOnce("retry"));
        Assert.True(graph.CompletesOnce("split"));
        Assert.False(graph.CompletesOnce("left"));
        Assert.False(graph.CompletesOnce("after"));
    }
}
