using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Patching.Activities.ChangeRequests;

/// <summary>
/// Renders a change's evidence (any JSON a workflow gathered) as a Markdown report a reviewer can read in the desk:
/// values as a list, lists of records as tables, nested objects as sections. Shapes that fit none of these are
/// shown as JSON, so nothing is left out.
/// </summary>
public static class EvidenceMarkdown
{
    private const int DeepestHeading = 6;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(string title, JsonNode? evidence)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(title).Append("\n\n");
        Section(text, evidence, level: 2);
        return text.ToString().TrimEnd() + "\n";
    }

    private static void Section(StringBuilder text, JsonNode? node, int level)
    {
        switch (node)
        {
            case JsonObject record:
                Record(text, record, level);
                break;
            case JsonArray list:
                List(text, list);
                break;
            default:
                text.Append(Scalar(node)).Append("\n\n");
                break;
        }
    }

    private static void Record(StringBuilder text, JsonObject record, int level)
    {
        var scalars = record.Where(p => IsScalar(p.Value)).ToList();
        foreach (var (name, value) in scalars)
        {
            text.Append("- **").Append(name).Append("**: ").Append(Scalar(value)).Append('\n');
        }

        if (scalars.Count > 0)
        {
            text.Append('\n');
        }

        foreach (var (name, value) in record.Where(p => !IsScalar(p.Value)))
        {
            text.Append(new string('#', Math.Min(level, DeepestHeading))).Append(' ').Append(name).Append("\n\n");
            Section(text, value, level + 1);
        }
    }

    private static void List(StringBuilder text, JsonArray list)
    {
        if (list.Count == 0)
        {
            text.Append("_none_\n\n");
        }
        else if (list.All(IsScalar))
        {
            foreach (var item in list)
            {
                text.Append("- ").Append(Scalar(item)).Append('\n');
            }

            text.Append('\n');
        }
        else if (list.All(item => item is JsonObject record && record.All(p => IsScalar(p.Value) || p.Value is JsonArray values && values.All(IsScalar))))
        {
            Table(text, [.. list.Cast<JsonObject>()]);
        }
        else
        {
            text.Append("```json\n").Append(list.ToJsonString(Indented)).Append("\n```\n\n");
        }
    }

    private static void Table(StringBuilder text, List<JsonObject> rows)
    {
        var columns = rows.SelectMany(r => r.Select(p => p.Key)).Distinct(StringComparer.Ordinal).ToList();
        text.Append("| ").AppendJoin(" | ", columns.Select(Cell)).Append(" |\n");
        text.Append('|').AppendJoin('|', columns.Select(_ => " --- ")).Append("|\n");
        foreach (var row in rows)
        {
            var cells = columns.Select(c => row[c] is JsonArray values ? string.Join(", ", values.Select(Scalar)) : Scalar(row[c]));
            text.Append("| ").AppendJoin(" | ", cells.Select(Cell)).Append(" |\n");
        }

        text.Append('\n');
    }

    private static bool IsScalar(JsonNode? node) => node is null or JsonValue;

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>() ? "yes" : "no",
        _ => node.ToJsonString(),
    };

    /// <summary>A table cell holds one line and no column separator.</summary>
    private static string Cell(string value) =>
        value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
