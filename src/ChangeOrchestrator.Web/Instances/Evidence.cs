using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Execution;
using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.Patching.Activities.ChangeRequests;
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
        var markdown = await EvidenceMarkdown.RenderAsync(
            $"Evidence for {change}", Of(instance), list => FirstRowsAsync(results, instance.Id, list, cancellationToken), RowsPerList, cancellationToken);
        return Markdown.ToHtml(markdown, Pipeline);
    }

    /// <summary>The first <see cref="RowsPerList"/> items of a stored list, read in one query per part rather than a whole page of thousands.</summary>
    private static async IAsyncEnumerable<JsonNode?> FirstRowsAsync(
        IStepResultStore results, string instanceId, JsonObject reference, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var left = RowsPerList;
        foreach (var (activity, name, inline) in ResultReference.Parts(reference))
        {
            var items = inline is not null
                ? inline.Take(left).Select(item => item?.DeepClone()).ToList()
                : (await results.ReadAsync(new ResultQuery(instanceId) { Activity = activity, Name = name, Limit = left }, cancellationToken)).Items.Select(i => i.Data).ToList();
            foreach (var item in items)
            {
                yield return item;
            }

            left -= items.Count;
            if (left <= 0)
            {
                yield break;
            }
        }
    }
}
