using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// Renders a change's evidence (any JSON a workflow gathered) as a Markdown report a reviewer can read in the desk:
/// values as a list, lists of records as tables, nested objects as sections. Shapes that fit none of these are
/// shown as JSON, so nothing is left out.
/// </summary>
public static class EvidenceMarkdown
{
    private const int DeepestHeading = 6;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Rows of a stored list read before its layout (bullets, a table and its columns) is chosen.</summary>
    private const int LayoutRows = 100;

    public static string Render(string title, JsonNode? evidence) =>
        RenderAsync(title, evidence, _ => AsyncEnumerable.Empty<JsonNode?>(), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>The report, per-server lists stored apart from the instance read with <paramref name="read"/> as they are written.</summary>
    public static ValueTask<string> RenderAsync(string title, JsonNode? evidence, Func<JsonObject, IAsyncEnumerable<JsonNode?>> read, CancellationToken cancellationToken) =>
        RenderAsync(title, evidence, read, int.MaxValue, cancellationToken);

    /// <summary>
    /// The report with at most <paramref name="rowsPerList"/> rows of each per-server list stored apart, followed by
    /// how many more it holds: a summary to read on screen, where the whole lists are paged elsewhere.
    /// </summary>
    public static async ValueTask<string> RenderAsync(
        string title, JsonNode? evidence, Func<JsonObject, IAsyncEnumerable<JsonNode?>> read, int rowsPerList, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowsPerList);
        var text = new StringBuilder();
        text.Append("# ").Append(title).Append("\n\n");
        await SectionAsync(text, evidence, level: 2, new Lists(read, rowsPerList), cancellationToken);
        return text.ToString().TrimEnd() + "\n";
    }

    private static async ValueTask SectionAsync(StringBuilder text, JsonNode? node, int level, Lists lists, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case JsonObject reference when ResultReference.Is(reference):
                var written = await StoredListAsync(text, lists.Read(reference), lists.RowsPerList, cancellationToken);
                if (ResultReference.CountOf(reference) is { } length && length > written && lists.RowsPerList < int.MaxValue && written > 0)
                {
                    text.Append("_… and ").Append(length - written).Append(" more of ").Append(length).Append("._\n\n");
                }

                break;
            case JsonObject record:
                await RecordAsync(text, record, level, lists, cancellationToken);
                break;
            case JsonArray list:
                List(text, list);
                break;
            default:
                text.Append(Scalar(node)).Append("\n\n");
                break;
        }
    }

    /// <summary>A stored list: laid out from its first rows, then written row by row as it is read.</summary>
    /// <returns>How many rows were written.</returns>
    private static async ValueTask<int> StoredListAsync(StringBuilder text, IAsyncEnumerable<JsonNode?> items, int rowsPerList, CancellationToken cancellationToken)
    {
        await using var rows = items.GetAsyncEnumerator(cancellationToken);
        var head = new JsonArray();
        var more = true;
        while (head.Count < Math.Min(LayoutRows, rowsPerList) && (more = await rows.MoveNextAsync()))
        {
            head.Add(rows.Current);
        }

        if (head.Count == 0)
        {
            text.Append("_none_\n\n");
            return 0;
        }

        var scalars = head.All(IsScalar);
        var columns = !scalars && head.All(IsFlatRecord)
            ? head.Cast<JsonObject>().SelectMany(r => r.Select(p => p.Key)).Distinct(StringComparer.Ordinal).ToList()
            : null;
        if (columns is not null)
        {
            TableHeader(text, columns);
        }
        else if (!scalars)
        {
            text.Append("```json\n");
        }

        foreach (var row in head)
        {
            Row(text, row, scalars, columns);
        }

        var written = head.Count;
        while (more && written < rowsPerList && await rows.MoveNextAsync())
        {
            Row(text, rows.Current, scalars, columns);
            written++;
        }

        text.Append(scalars || columns is not null ? "\n" : "```\n\n");
        return written;
    }

    private static void Row(StringBuilder text, JsonNode? row, bool scalars, List<string>? columns)
    {
        if (scalars)
        {
            text.Append("- ").Append(Scalar(row)).Append('\n');
        }
        else if (columns is not null && row is JsonObject record)
        {
            TableRow(text, columns, record);
        }
        else
        {
            text.Append(row?.ToJsonString() ?? "null").Append('\n');
        }
    }

    private static async ValueTask RecordAsync(StringBuilder text, JsonObject record, int level, Lists lists, CancellationToken cancellationToken)
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
            await SectionAsync(text, value, level + 1, lists, cancellationToken);
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
        else if (list.All(IsFlatRecord))
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
        TableHeader(text, columns);
        foreach (var row in rows)
        {
            TableRow(text, columns, row);
        }

        text.Append('\n');
    }

    private static void TableHeader(StringBuilder text, List<string> columns)
    {
        text.Append("| ").AppendJoin(" | ", columns.Select(Cell)).Append(" |\n");
        text.Append('|').AppendJoin('|', columns.Select(_ => " --- ")).Append("|\n");
    }

    private static void TableRow(StringBuilder text, List<string> columns, JsonObject row)
    {
        var cells = columns.Select(c => row[c] is JsonArray values ? string.Join(", ", values.Select(Scalar)) : Scalar(row[c]));
        text.Append("| ").AppendJoin(" | ", cells.Select(Cell)).Append(" |\n");
    }

    private static bool IsFlatRecord(JsonNode? item) =>
        item is JsonObject record && record.All(p => IsScalar(p.Value) || p.Value is JsonArray values && values.All(IsScalar));

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

    /// <summary>How stored lists are read, and how many of their rows the report shows.</summary>
    private sealed record Lists(Func<JsonObject, IAsyncEnumerable<JsonNode?>> Read, int RowsPerList);
}
