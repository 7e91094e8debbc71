using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Engine.Tests.Definitions.Format;

/// <summary>
/// Breaks a valid workflow file in every structural way at every place: each property removed, replaced by a value
/// of each JSON kind and by values that miss common patterns, each object given an unknown property, each array
/// emptied and its elements replaced. Free-form places (literal activity inputs, defaults, trigger inputs) are
/// left alone: what they hold is checked against the workflow's inputs, not against the file format.
/// </summary>
internal static partial class FormatMutations
{
    private static readonly Func<JsonNode?>[] Replacements =
    [
        () => null,
        () => 0,
        () => -1,
        () => 1.5,
        () => true,
        () => string.Empty,
        () => "x",
        () => "Bad Id",
        () => "10 minutes",
        () => "PT5M",
        () => "[",
        () => new JsonArray(),
        () => new JsonArray(1),
        () => new JsonObject(),
        () => new JsonObject { ["js"] = string.Empty },
    ];

    /// <summary>Properties whose values the file format does not constrain, by the name of their parent property.</summary>
    private static readonly HashSet<string> FreeForm = ["default", "input", "enum"];

    /// <summary>Breaks that no replacement of one value makes: text that is not JSON, other roots, letter case, invalid patterns.</summary>
    public static IReadOnlyList<FormatMutation> Extra { get; } =
    [
        new("not JSON", "{ \"id\": "),
        new("an array at the root", "[]"),
        new("a string at the root", "\"workflow\""),
        Changed("$.inputs[0].type = \"String\"", root => root["inputs"]![0]!["type"] = "String"),
        Changed("$.triggers[1].type = \"Event\"", root => root["triggers"]![1]!["type"] = "Event"),
        Changed("$.inputs[5].format = \"PercentOrCount\"", root => root["inputs"]![5]!["format"] = "PercentOrCount"),
        Changed("$.inputs[0].pattern = \"(\"", root => root["inputs"]![0]!["pattern"] = "("),
        Changed("$.id = \"Complete\"", root => root["id"] = "Complete"),
        Changed("$.activities[0].inputs.message = {\"js\": \"  \"}", root => root["activities"]![0]!["inputs"]!["message"] = new JsonObject { ["js"] = "  " }),
        Changed("$.inputs[2].enumFrom added beside enum", root => root["inputs"]![2]!["enumFrom"] = "serviceDesks"),
        Changed("$.inputs[9].items.enumFrom added beside enum", root => root["inputs"]![9]!["items"]!["enumFrom"] = "patchGroups"),
        Changed("$.inputs[2].allowEmpty without enumFrom", root => root["inputs"]![2]!["allowEmpty"] = true),
        Changed("$.activities[0].retry.multiplier = 0.5", root => root["activities"]![0]!["retry"]!["multiplier"] = 0.5),
        Changed("$.version = 0", root => root["version"] = 0),
    ];

    public static IEnumerable<FormatMutation> Of(JsonObject valid)
    {
        var mutations = new List<FormatMutation>();
        Walk(valid, "$", mutations, valid);
        return mutations;
    }

    private static void Walk(JsonNode node, string path, List<FormatMutation> into, JsonObject root)
    {
        switch (node)
        {
            case JsonObject obj:
                // An activity's inputs map any name to a literal or an expression: only the expression form is format.
                var literalMap = ActivityInputs().IsMatch(path);
                if (!literalMap)
                {
                    into.Add(Mutate(root, path, $"{path}: an unknown property", target => target.AsObject()["unexpected"] = 1));
                }

                foreach (var (name, value) in obj.ToList())
                {
                    var childPath = $"{path}.{name}";
                    into.Add(Mutate(root, path, $"{childPath} removed", target => target.AsObject().Remove(name)));
                    foreach (var replace in literalMap ? Replacements.Where(r => r() is JsonObject) : Replacements)
                    {
                        into.Add(Mutate(root, path, $"{childPath} = {Shown(replace())}", target => target.AsObject()[name] = replace()));
                    }

                    var walkInto = literalMap ? value is JsonObject expression && expression.ContainsKey("js") : !FreeForm.Contains(name);
                    if (value is not null && walkInto)
                    {
                        Walk(value, childPath, into, root);
                    }
                }

                break;
            case JsonArray array:
                into.Add(Mutate(root, path, $"{path} emptied", target => target.AsArray().Clear()));
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    var itemPath = $"{path}[{i}]";
                    into.Add(Mutate(root, path, $"{itemPath} = 1", target => target.AsArray()[index] = 1));
                    into.Add(Mutate(root, path, $"{itemPath} = \"x\"", target => target.AsArray()[index] = "x"));
                    if (array[i] is { } item)
                    {
                        Walk(item, itemPath, into, root);
                    }
                }

                break;
        }
    }

    private static FormatMutation Mutate(JsonObject root, string path, string description, Action<JsonNode> change)
    {
        var copy = root.DeepClone().AsObject();
        change(Find(copy, path));
        return new FormatMutation(description, copy.ToJsonString());
    }

    private static JsonNode Find(JsonObject root, string path)
    {
        JsonNode node = root;
        foreach (var step in Steps(path))
        {
            node = step is int index ? node.AsArray()[index]! : node.AsObject()[(string)step]!;
        }

        return node;
    }

    private static IEnumerable<object> Steps(string path)
    {
        var rest = path[1..];
        while (rest.Length > 0)
        {
            if (rest[0] == '[')
            {
                var end = rest.IndexOf(']', StringComparison.Ordinal);
                yield return int.Parse(rest[1..end], System.Globalization.CultureInfo.InvariantCulture);
                rest = rest[(end + 1)..];
                continue;
            }

            rest = rest[1..];
            var next = rest.IndexOfAny(['.', '[']);
            var name = next < 0 ? rest : rest[..next];
            yield return name;
            rest = next < 0 ? string.Empty : rest[next..];
        }
    }

    private static FormatMutation Changed(string description, Action<JsonObject> change)
    {
        var root = CompleteWorkflow.Parse();
        change(root);
        return new FormatMutation(description, root.ToJsonString());
    }

    private static string Shown(JsonNode? value) => value?.ToJsonString() ?? "null";

    [GeneratedRegex(@"^\$\.activities\[\d+\]\.inputs$")]
    private static partial Regex ActivityInputs();
}
