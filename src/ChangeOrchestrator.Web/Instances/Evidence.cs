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

    public static async Task<string> HtmlAsync(WorkflowInstance instance, IStepResultStore results, CancellationToken cancellationToken)
    {
        var change = instance.Steps["raise"]?["number"]?.GetValue<string>() ?? instance.Id;
        var markdown = await EvidenceMarkdown.RenderAsync(
            $"Evidence for {change}", Of(instance), list => results.ReadListAsync(instance.Id, list, cancellationToken), cancellationToken);
        return Markdown.ToHtml(markdown, Pipeline);
    }
}
