using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Web.Instances;

/// <summary>
/// The evidence of completed instances as HTML, kept for the next render: a completed instance's evidence never
/// changes, and turning a 1,000-server evidence table from Markdown into HTML on every render and every refresh of
/// every open page is work the page need not repeat.
/// </summary>
public sealed class RenderedEvidence(IStepResultStore results)
{
    // A few changes are looked at at once; beyond that the oldest pages simply render again.
    private const int Kept = 16;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Id, long Version), string> _html = [];

    public async Task<string> HtmlAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var key = (instance.Id, instance.Version);
        lock (_lock)
        {
            if (_html.TryGetValue(key, out var kept))
            {
                return kept;
            }
        }

        var html = await Evidence.HtmlAsync(instance, results, cancellationToken);
        lock (_lock)
        {
            if (_html.Count >= Kept)
            {
                _html.Clear();
            }

            _html[key] = html;
        }

        return html;
    }
}
