using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Results;

/// <summary>
/// How a per-server list stands in an instance's state once it is stored apart:
/// <c>{ "$results": [ { "activity": "scan", "name": "instances" } ], "length": 1000 }</c>. It carries
/// <c>length</c>, so an expression that counts (<c>steps.scan.instances.length</c>) needs no items; several parts
/// read one after the other make one list.
/// </summary>
public static class ResultReference
{
    public const string PartsProperty = "$results";

    public const string LengthProperty = "length";

    /// <summary>Marks a reference to an object keyed by server id (stored as one <c>{ key, value }</c> item per property).</summary>
    public const string ObjectProperty = "$object";

    public static JsonObject Create(string activity, string name, int length, bool isObject = false)
    {
        var reference = new JsonObject
        {
            [PartsProperty] = new JsonArray(new JsonObject { ["activity"] = activity, ["name"] = name }),
            [LengthProperty] = length,
        };
        if (isObject)
        {
            reference[ObjectProperty] = true;
        }

        return reference;
    }

    /// <summary>True for a reference to an object (its items are its properties as <c>{ key, value }</c>).</summary>
    public static bool IsObject(JsonObject reference) => reference[ObjectProperty] is JsonValue value && value.TryGetValue<bool>(out var isObject) && isObject;

    public static bool Is(JsonNode? node) => node is JsonObject obj && obj.ContainsKey(PartsProperty) && obj[PartsProperty] is JsonArray;

    /// <summary>
    /// The parts a reference reads, in order: a stored list (activity and name), or items held in the reference
    /// itself (<c>{ "items": [...] }</c>, a short list joined to stored ones by <c>concatLists</c>).
    /// </summary>
    public static IEnumerable<(string Activity, string Name, JsonArray? Items)> Parts(JsonObject reference)
    {
        foreach (var part in reference[PartsProperty]!.AsArray())
        {
            if (part?["items"] is JsonArray items)
            {
                yield return (string.Empty, string.Empty, items);
            }
            else if (part?["activity"]?.GetValue<string>() is { } activity && part["name"]?.GetValue<string>() is { } name)
            {
                yield return (activity, name, null);
            }
        }
    }

    /// <summary>How many items a list holds, whether it is kept inline (an array) or stored apart (a reference); null for anything else.</summary>
    public static int? CountOf(JsonNode? list) => list switch
    {
        JsonArray items => items.Count,
        JsonObject reference when Is(reference) => reference[LengthProperty]?.GetValue<int>(),
        _ => null,
    };

    /// <summary>True when the node is a reference or holds one at any depth (without the iterators of <see cref="All"/>: it runs on every input and output).</summary>
    public static bool Within(JsonNode? node) => node switch
    {
        JsonObject obj when Is(obj) => true,
        JsonObject obj => obj.Any(p => Within(p.Value)),
        JsonArray array => array.Any(Within),
        _ => false,
    };

    /// <summary>The references in a node at any depth (the node itself when it is one), in document order.</summary>
    public static IEnumerable<JsonObject> All(JsonNode? node) => node switch
    {
        JsonObject obj when Is(obj) => [obj],
        JsonObject obj => obj.SelectMany(p => All(p.Value)),
        JsonArray array => array.SelectMany(All),
        _ => [],
    };

    /// <summary>The stored item of one property of an object keyed by server (<see cref="Create"/> with <c>isObject</c>).</summary>
    public static JsonObject PropertyItem(string key, JsonNode? value) => new() { ["key"] = key, ["value"] = value };

    /// <summary>The server an item is about: the item itself when it is an id, else its <c>instanceId</c>.</summary>
    public static string? ServerOf(JsonNode? item) => item switch
    {
        JsonValue value when value.TryGetValue<string>(out var id) => id,
        JsonObject obj when obj["instanceId"] is JsonValue value && value.TryGetValue<string>(out var id) => id,
        JsonObject obj when obj.Count == 2 && obj["key"] is JsonValue value && value.TryGetValue<string>(out var id) && obj.ContainsKey("value") => id,
        _ => null,
    };

    /// <summary>The item's state (<c>state</c>, <c>status</c> or <c>pingStatus</c>), for filtering.</summary>
    public static string? StateOf(JsonNode? item) => item is JsonObject obj
        ? Text(obj["state"]) ?? Text(obj["status"]) ?? Text(obj["pingStatus"]) ?? (obj["value"] is JsonObject value ? StateOf(value) : null)
        : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
