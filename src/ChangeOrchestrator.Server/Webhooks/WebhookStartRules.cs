using System.Globalization;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Persistence.Audit;
using ChangeOrchestrator.Server.Http;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// Starts the workflows that <c>Webhooks:StartRules</c> name for a delivery. The instance id is derived from the inbox
/// row and the rule, so processing the delivery again (after a crash or a retry) finds the instance already there.
/// A rule whose input the workflow refuses starts nothing: the refusal, with every reason, is logged and audited
/// (<c>webhook.start.refused</c>), the other rules still run, and the delivery is then refused for good.
/// </summary>
internal sealed partial class WebhookStartRules(
    IOptions<WebhooksOptions> options, WorkflowRuntime runtime, IAuditLog audit, ILogger<WebhookStartRules> logger)
{
    public const string RefusedAction = "webhook.start.refused";

    public async Task StartAsync(string deliveryId, string source, WebhookContent content, CancellationToken cancellationToken)
    {
        var rules = options.Value.StartRules;
        var refusals = new List<string>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.Source != source || !Matches(rule, content))
            {
                continue;
            }

            var request = new StartWorkflowRequest
            {
                DefinitionId = rule.DefinitionId,
                Version = rule.Version,
                Input = Input(rule, content),
                CorrelationId = content.Mapping.Facts.ChangeKey,
                InstanceId = InstanceId(deliveryId, i),
            };
            try
            {
                var instance = await runtime.StartAsync(request, cancellationToken);
                WebhookLog.Started(logger, deliveryId, source, instance.Id, rule.DefinitionId, i);
            }
            catch (InvalidWorkflowInputException refused)
            {
                var reasons = string.Join("; ", refused.Errors.Select(e => $"{InputProblems.Key(e.Field)}: {e.Message}"));
                var refusal = string.Create(CultureInfo.InvariantCulture, $"start rule {i} ({rule.DefinitionId}) refused: {reasons}");
                refusals.Add(refusal);
                LogStartRefused(logger, deliveryId, source, i, rule.DefinitionId, reasons);
                await AuditAsync(deliveryId, source, refusal, cancellationToken);
            }
        }

        if (refusals.Count > 0)
        {
            throw new WebhookStartRefusedException($"Delivery {deliveryId} refused: {string.Join(" | ", refusals)}");
        }
    }

    private async Task AuditAsync(string deliveryId, string source, string refusal, CancellationToken cancellationToken)
    {
        try
        {
            await audit.AppendAsync(
                new AuditEntry
                {
                    Actor = "webhook:" + source,
                    Action = RefusedAction,
                    ObjectType = "webhook",
                    ObjectId = deliveryId,
                    Outcome = StatusCodes.Status400BadRequest,
                    Detail = refusal,
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The refusal stands whether or not it reached the audit log; a lost entry is reported, never thrown.
            LogRefusalNotAudited(logger, ex, deliveryId);
        }
    }

    public static string InstanceId(string deliveryId, int rule) => string.Create(CultureInfo.InvariantCulture, $"webhook-{deliveryId}-{rule}");

    private static bool Matches(WebhookStartRule rule, WebhookContent content) =>
        (rule.Event.Length == 0 || string.Equals(rule.Event, content.Mapping.Facts.Event, StringComparison.OrdinalIgnoreCase))
        && rule.Match.All(condition => string.Equals(
            WebhookJsonPath.ResolveText(content.Payload, condition.Path), condition.EqualTo, StringComparison.OrdinalIgnoreCase));

    private static JsonObject Input(WebhookStartRule rule, WebhookContent content)
    {
        var input = new JsonObject();
        foreach (var (name, path) in rule.Input)
        {
            var value = WebhookFacts.IsFact(path)
                ? content.Mapping.Facts.Get(path) is { } fact ? JsonValue.Create(fact) : null
                : WebhookJsonPath.Resolve(content.Payload, path)?.DeepClone();
            if (value is not null)
            {
                input[name] = value;
            }
        }

        return input;
    }

    [LoggerMessage(EventId = 2450, Level = LogLevel.Warning, Message = "Webhook {Id} ({Source}): start rule {Rule} of {DefinitionId} refused its input: {Reasons}")]
    private static partial void LogStartRefused(ILogger logger, string id, string source, int rule, string definitionId, string reasons);

    [LoggerMessage(EventId = 2451, Level = LogLevel.Error, Message = "The refused start of webhook {Id} could not be written to the audit log")]
    private static partial void LogRefusalNotAudited(ILogger logger, Exception exception, string id);
}
