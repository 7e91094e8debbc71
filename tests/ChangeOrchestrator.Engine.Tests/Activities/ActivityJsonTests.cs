using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;

namespace ChangeOrchestrator.Engine.Tests.Activities;

public sealed class ActivityJsonTests
{
    [Fact]
    public void ToNode_OutputWithListsNullsEnumsDurationsAndAMap_WritesWhatTheSerializerWritesWhole()
    {
        var output = new Output
        {
            Servers =
            [
                new Server("i-1", State.Failed, TimeSpan.FromMinutes(90), ["KB1", "KB2"], null),
                null,
                new Server("i-2", State.Succeeded, TimeSpan.Zero, [], new Dictionary<string, int> { ["a"] = 1 }),
            ],
            Ids = ["i-1", "i-2"],
            Count = 2,
            Roots = new Dictionary<string, string> { ["i-1"] = "snap-1" },
            Note = null,
            Bytes = [1, 2, 3],
            Single = new Server("i-3", State.Succeeded, TimeSpan.FromSeconds(5), ["KB3"], null),
        };

        var itemByItem = ActivityJson.ToNode(output);
        var whole = JsonSerializer.SerializeToNode(output, ActivityJson.Options);

        Assert.Equal(whole!.ToJsonString(), itemByItem!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(whole, itemByItem));
        Assert.DoesNotContain("note", itemByItem.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void ToNode_AList_WritesEachItemAsTheSerializerDoes()
    {
        List<Server> servers = [new("i-1", State.Failed, TimeSpan.FromHours(2), ["KB1"], null)];

        Assert.Equal(JsonSerializer.SerializeToNode(servers, ActivityJson.Options)!.ToJsonString(), ActivityJson.ToNode(servers)!.ToJsonString());
        Assert.Null(ActivityJson.ToNode<Output?>(null));
    }

    [Fact]
    public void ItemNode_AServerStringAndNull_WritesWhatTheSerializerWritesAndReadsPropertiesAsItsNodesDo()
    {
        var server = new Server("i-1", State.Failed, TimeSpan.FromMinutes(90), ["KB1"], new Dictionary<string, int> { ["a"] = 1 });

        var item = ActivityJson.ItemNode(server)!;
        var serialized = JsonSerializer.SerializeToNode(server, ActivityJson.Options)!;

        Assert.Equal(serialized.ToJsonString(), item.ToJsonString());
        Assert.True(JsonNode.DeepEquals(serialized, item));
        // Web options read names case-insensitively, and the nodes the serializer makes keep that.
        Assert.Equal("i-1", item["InstanceID"]!.GetValue<string>());
        Assert.Equal(serialized["state"]!.GetValue<string>(), item["state"]!.GetValue<string>());
        Assert.Equal(["KB1"], item["patches"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("\"mi-1\"", ActivityJson.ItemNode("mi-1")!.ToJsonString());
        Assert.Null(ActivityJson.ItemNode<Server?>(null));
    }

    [Fact]
    public void Bind_InputsOfManySegmentsOfText_ReadsWhatTheSerializerReadsFromTheNode()
    {
        var inputs = new JsonObject
        {
            ["ids"] = new JsonArray([.. Enumerable.Range(0, 9_000).Select(i => (JsonNode?)$"i-{i:x17}-ünïcode")]),
            ["count"] = 9_000,
            ["roots"] = new JsonObject { ["i-1"] = "snap-1" },
            ["bytes"] = Convert.ToBase64String([1, 2, 3]),
            ["servers"] = new JsonArray([.. Enumerable.Range(0, 3_000).Select(i => (JsonNode?)new JsonObject
            {
                ["instanceId"] = $"i-{i}",
                ["state"] = i % 2 == 0 ? "failed" : "succeeded",
                ["took"] = "PT1H30M",
                ["patches"] = new JsonArray("KB1", "KB2"),
            })]),
            ["single"] = new JsonObject { ["instanceId"] = "i-3", ["state"] = "succeeded", ["took"] = "PT5S", ["patches"] = new JsonArray() },
        };

        var bound = ActivityJson.Bind<Output>(inputs, "bind");
        var expected = inputs.Deserialize<Output>(ActivityJson.Options)!;

        Assert.Equal(JsonSerializer.Serialize(expected, ActivityJson.Options), JsonSerializer.Serialize(bound, ActivityJson.Options));
        Assert.Equal($"i-{8_999:x17}-ünïcode", bound.Ids[8_999]);
        Assert.Equal(TimeSpan.FromMinutes(90), bound.Servers[2_999]!.Took);
    }

    [Fact]
    public void Bind_AnItemOfTheWrongShapeFarIntoALongList_NamesItsPath()
    {
        var servers = new JsonArray([.. Enumerable.Range(0, 4_000).Select(i => (JsonNode?)new JsonObject { ["instanceId"] = $"i-{i}", ["patches"] = new JsonArray() })]);
        servers[3_210]!["patches"] = 7;
        var inputs = new JsonObject { ["servers"] = servers, ["ids"] = new JsonArray(), ["roots"] = new JsonObject(), ["bytes"] = "", ["single"] = servers[0]!.DeepClone() };

        var error = Assert.Throws<ActivityException>(() => ActivityJson.Bind<Output>(inputs, "bind"));

        Assert.Contains("$.servers[3210].patches", error.Message, StringComparison.Ordinal);
    }

    private enum State
    {
        Succeeded,
        Failed,
    }

    private sealed record Server(string InstanceId, State State, TimeSpan Took, IReadOnlyList<string> Patches, IReadOnlyDictionary<string, int>? Extra);

    private sealed record Output
    {
        public required IReadOnlyList<Server?> Servers { get; init; }

        public required string[] Ids { get; init; }

        public int Count { get; init; }

        public required IReadOnlyDictionary<string, string> Roots { get; init; }

        public string? Note { get; init; }

        public required byte[] Bytes { get; init; }

        public required Server Single { get; init; }
    }
}
