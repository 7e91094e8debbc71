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
        var report = new Report(null);
        await WriteReportAsync(report, title, evidence, new Lists(read, rowsPerList), cancellationToken);
        return report.Text.ToString();
    }

    /// <summary>
    /// The whole report written to <paramref name="stream"/> as UTF-8 while the stored lists are read, a few KiB at a
    /// time: the same text as <see cref="RenderAsync(string, JsonNode?, Func{JsonObject, IAsyncEnumerable{JsonNode?}}, CancellationToken)"/>
    /// without holding it.
    /// </summary>
    public static async Task WriteAsync(Stream stream, string title, JsonNode? evidence, Func<JsonObject, IAsyncEnumerable<JsonNode?>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var report = new Report(stream);
        await WriteReportAsync(report, title, evidence, new Lists(read, int.MaxValue), cancellationToken);
        await report.FlushAsync(force: true, cancellationToken);
    }

    private static async ValueTask WriteReportAsync(Report report, string title, JsonNode? evidence, Lists lists, CancellationToken cancellationToken)
    {
        report.Text.Append("# ").Append(title).Append("\n\n");
        await SectionAsync(report, evidence, level: 2, lists, cancellationToken);

        // The report ends with one line break, whatever the last section left.
        var end = report.Text.Length;
        while (end > 0 && char.IsWhiteSpace(report.Text[end - 1]))
        {
            end--;
        }

        report.Text.Length = end;
        report.Text.Append('\n');
    }

    private static async ValueTask SectionAsync(Report report, JsonNode? node, int level, Lists lists, CancellationToken cancellationToken)
    {
        var text = report.Text;
        switch (node)
        {
            case JsonObject reference when ResultReference.Is(reference):
                var written = await StoredListAsync(report, lists.Read(reference), lists.RowsPerList, cancellationToken);
                if (ResultReference.CountOf(reference) is { } length && length > written && lists.RowsPerList < int.MaxValue && written > 0)
                {
                    text.Append("_… and ").Append(length - written).Append(" more of ").Append(length).Append("._\n\n");
                }

                break;
            case JsonObject record:
                await RecordAsync(report, record, level, lists, cancellationToken);
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
    private static async ValueTask<int> StoredListAsync(Report report, IAsyncEnumerable<JsonNode?> items, int rowsPerList, CancellationToken cancellationToken)
    {
        var text = report.Text;
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
            await report.FlushAsync(force: false, cancellationToken);
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

    private static async ValueTask RecordAsync(Report report, JsonObject record, int level, Lists lists, CancellationToken cancellationToken)
    {
        var text = report.Text;
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
            await SectionAsync(report, value, level + 1, lists, cancellationToken);
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

    /// <summary>
    /// The text being written. With a stream, what is written so far goes out once it passes a few KiB, all but its
    /// trailing white space, which stays until the end (where the report trims it) or until more text follows.
    /// </summary>
    private sealed class Report(Stream? stream)
    {
        private const int FlushAt = 32 * 1024;

        public StringBuilder Text { get; } = new();

        public async ValueTask FlushAsync(bool force, CancellationToken cancellationToken)
        {
            if (stream is null || (!force && Text.Length < FlushAt))
            {
                return;
            }

            var end = Text.Length;
            while (!force && end > 0 && char.IsWhiteSpace(Text[end - 1]))
            {
                end--;
            }

            var bytes = Encoding.UTF8.GetBytes(Text.ToString(0, end));
            Text.Remove(0, end);
            await stream.WriteAsync(bytes, cancellationToken);
        }
    }
}
