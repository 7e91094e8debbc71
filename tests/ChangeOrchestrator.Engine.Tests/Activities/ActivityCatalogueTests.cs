using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Tests.Support;

namespace ChangeOrchestrator.Engine.Tests.Activities;

public sealed class ActivityCatalogueTests
{
    [Fact]
    public void ToJson_GenericActivities_DescribeTypesInputsOutputsAndOutcomes()
    {
        using var engine = new EngineHarness();

        var catalogue = JsonNode.Parse(engine.Catalogue.ToJson())!.AsArray();

        var types = catalogue.Select(a => a!["type"]!.GetValue<string>()).ToList();
        Assert.Superset(
            new HashSet<string> { "Decision", "Switch", "SetVariable", "Delay", "WaitUntil", "WaitForEvent", "ForEach", "Join", "Fail", "Log", "HttpRequest" },
            types.ToHashSet());
        var wait = catalogue.Single(a => a!["type"]!.GetValue<string>() == "WaitForEvent")!;
        Assert.Equal(["Received", "TimedOut"], wait["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.True(wait["suspends"]!.GetValue<bool>());
        var timeout = wait["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "timeout")!;
        Assert.Equal("duration", timeout["type"]!.GetValue<string>());
        Assert.False(timeout["required"]!.GetValue<bool>());
        Assert.Contains(wait["outputs"]!.AsArray(), o => o!["name"]!.GetValue<string>() == "payload");
        var join = catalogue.Single(a => a!["type"]!.GetValue<string>() == "Join")!;
        Assert.Equal(["all", "any"], join["inputs"]![0]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()));
        var key = wait["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "key")!;
        Assert.True(key["required"]!.GetValue<bool>());
        Assert.NotNull(key["description"]);
    }
}
