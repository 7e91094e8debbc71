using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions;

namespace ChangeOrchestrator.Engine.Tests.Definitions.Format;

/// <summary>Every assertion keyword of the published schema, as the JSON pointer the schema library reports it at.</summary>
internal static class SchemaRules
{
    private static readonly HashSet<string> Assertions =
        ["type", "enum", "const", "pattern", "minLength", "minimum", "minItems", "required", "dependentRequired", "format", "not"];

    /// <summary>
    /// An activity input is an expression only when it is an object holding "js", so the expression's own "type"
    /// and "required" can never fail there; they keep the definition whole for editors that use it alone.
    /// </summary>
    private static readonly HashSet<string> Unreachable = ["#/$defs/expression/type", "#/$defs/expression/required"];

    public static IReadOnlyList<string> All()
    {
        var rules = new List<string>();
        Walk(JsonNode.Parse(WorkflowSchema.Json)!, "#", rules);
        return [.. rules.Where(rule => !Unreachable.Contains(rule))];
    }

    private static void Walk(JsonNode node, string pointer, List<string> into)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        foreach (var (keyword, value) in schema)
        {
            var at = $"{pointer}/{keyword}";
            switch (keyword)
            {
                case "if":
                    // Only picks a branch; its keywords never refuse a file.
                    break;
                case "additionalProperties" when value is JsonValue allowed && !allowed.GetValue<bool>():
                    into.Add(at);
                    break;
                case "properties" or "$defs":
                    foreach (var (name, child) in value!.AsObject())
                    {
                        Walk(child!, $"{at}/{name}", into);
                    }

                    break;
                case "allOf":
                    for (var i = 0; i < value!.AsArray().Count; i++)
                    {
                        Walk(value[i]!, $"{at}/{i}", into);
                    }

                    break;
                case "items" or "then" or "additionalProperties":
                    Walk(value!, at, into);
                    break;
                case "not":
                    into.Add(at);
                    break;
                default:
                    if (Assertions.Contains(keyword) && !(keyword == "format" && value is JsonValue f && f.GetValue<string>() != "regex"))
                    {
                        into.Add(at);
                    }

                    break;
            }
        }
    }
}
