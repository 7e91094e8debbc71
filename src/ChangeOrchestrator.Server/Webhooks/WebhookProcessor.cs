using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Patching.ChangeRequests.Events;
using ChangeOrchestrator.Persistence.Webhooks;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// Turns one stored delivery into its effects: the stimuli it raises, then the instances its start rules start.
/// Every effect is idempotent per inbox row (stimulus ids and instance ids derive from it), so processing a row again
/// after a crash between the effects and the row's completion resumes and starts nothing twice.
/// </summary>
internal sealed class WebhookProcessor(
    IEnumerable<WebhookSource> sources,
    WebhookStartRules startRules,
    WorkflowRuntime runtime,
    ILogger<WebhookProcessor> logger)
{
    private readonly Dictionary<string, IWebhookPayloadMapper> _mappers = sources.ToDictionary(s => s.Name, s => s.Mapper, StringComparer.Ordinal);

    /// <exception cref="InvalidDataException">The row cannot be read: retrying will not help.</exception>
    public WebhookContent Read(WebhookInboxItem item)
    {
        if (!_mappers.TryGetValue(item.Source, out var mapper))
        {
            throw new InvalidDataException($"No mapper for webhook source '{item.Source}'.");
        }

        JsonObject payload;
        try
        {
            payload = JsonNode.Parse(item.Body) as JsonObject ?? throw new InvalidDataException("The stored body is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("The stored body is not valid JSON.", ex);
        }

        return new WebhookContent(payload, WebhookMapping.From(mapper.Map(payload)));
    }

    public async Task ProcessAsync(WebhookInboxItem item, WebhookContent content, CancellationToken cancellationToken)
    {
        var stimuli = content.Mapping.Stimuli;
        for (var i = 0; i < stimuli.Count; i++)
        {
            var stimulus = stimuli[i];
            var result = await runtime.RaiseEventAsync(stimulus.Kind, stimulus.Key, stimulus.Payload, StimulusId(item.Id, i), cancellationToken);
            WebhookLog.Raised(logger, item.Id, item.Source, stimulus.Kind, stimulus.Key, result.Resumed, result.Buffered, result.Duplicate);
        }

        if (stimuli.Count == 0)
        {
            WebhookLog.NothingToDo(logger, item.Id, item.Source);
        }

        await startRules.StartAsync(item.Id, item.Source, content, cancellationToken);
    }

    /// <summary>Stable for a row, so the runtime reports a second raise of it as a duplicate instead of resuming again.</summary>
    public static string StimulusId(string inboxId, int index) => string.Create(CultureInfo.InvariantCulture, $"webhook:{inboxId}:{index}");

    /// <summary>Failures that a retry cannot fix: the row is parked at once.</summary>
    public static bool IsPermanent(Exception exception) =>
        exception is InvalidDataException or WorkflowNotFoundException or InvalidWorkflowInputException or WebhookStartRefusedException;
}
