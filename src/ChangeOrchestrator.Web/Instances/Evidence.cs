using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.Patching.ChangeRequests;
using Markdig;

namespace ChangeOrchestrator.Web.Instances;

/// <summary>
/// The evidence of a change: the <c>evidence</c> variable the workflow gathers, rendered with the same Markdown the
/// desk receives as an attachment, turned into HTML with raw HTML disabled (values come from external systems). Its
/// per-server lists are read from the step results as the report is written.
/// </summary>
public static class Evidence
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public static JsonNode? Of(WorkflowInstance instance) => instance.Variables["evidence"];

    public static string FileName(WorkflowInstance instance) =>
        instance.Steps["raise"]?["number"]?.GetValue<string>() is { } number ? $"patch-evidence-{number}" : $"evidence-{instance.Id}";

    /// <summary>
    /// Rows of each per-server list the page shows in the evidence: the first screen reads a page of each list, not
    /// thousands of rows; the whole lists are paged in the activity's per-server results and in the JSON download.
    /// </summary>
    public const int RowsPerList = 20;

    public static async Task<string> HtmlAsync(WorkflowInstance instance, IStepResultStore results, CancellationToken cancellationToken)
    {
        var change = instance.Steps["raise"]?["number"]?.GetValue<string>() ?? instance.Id;
        var evidence = Of(instance);

        // Every list's first rows are read at once, not one list after the other: the report waits for one round trip.
        var firstRows = new Dictionary<JsonObject, Task<List<JsonNode?>>>(ReferenceEqualityComparer.Instance);
        foreach (var reference in ReferencesIn(evidence))
        {
            firstRows.TryAdd(reference, FirstRowsAsync(results, instance.Id, reference, cancellationToken));
        }

        var markdown = await EvidenceMarkdown.RenderAsync($"Evidence for {change}", evidence, list => RowsAsync(firstRows.TryGetValue(list, out var rows) ? rows : FirstRowsAsync(results, instance.Id, list, cancellationToken)), RowsPerList, cancellationToken);
        return Markdown.ToHtml(markdown, Pipeline);
    }

    private static IEnumerable<JsonObject> ReferencesIn(JsonNode? node) => node switch
    {
        JsonObject reference when ResultReference.Is(reference) => [reference],
        JsonObject record => record.SelectMany(p => ReferencesIn(p.Value)),
        _ => [],
    };

    private static async IAsyncEnumerable<JsonNode?> RowsAsync(Task<List<JsonNode?>> rows)
    {
        foreach (var row in await rows)
        {
            yield return row;
        }
    }

    /// <summary>The first <see cref="RowsPerList"/> items of a stored list, read in one query per part rather than a whole page of thousands.</summary>
    private static async Task<List<JsonNode?>> FirstRowsAsync(IStepResultStore results, string instanceId, JsonObject reference, CancellationToken cancellationToken)
    {
        var rows = new List<JsonNode?>(RowsPerList);
        foreach (var (activity, name, inline) in ResultReference.Parts(reference))
        {
            if (rows.Count >= RowsPerList)
            {
                break;
            }

            var left = RowsPerList - rows.Count;
            rows.AddRange(inline is not null
                ? inline.Take(left).Select(item => item?.DeepClone())
                : (await results.ReadAsync(new ResultQuery(instanceId) { Activity = activity, Name = name, Limit = left }, cancellationToken)).Items.Select(i => i.Data));
        }

        return rows;
    }
}
