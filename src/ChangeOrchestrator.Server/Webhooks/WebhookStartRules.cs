using System.Globalization;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Runtime;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// Starts the workflows that <c>Webhooks:StartRules</c> name for a delivery. The instance id is derived from the inbox
/// row and the rule, so processing the delivery again (after a crash or a retry) finds the instance already there.
/// </summary>
internal sealed class WebhookStartRules(IOptions<WebhooksOptions> options, WorkflowRuntime runtime, ILogger<WebhookStartRules> logger)
{
    public async Task StartAsync(string deliveryId, string source, WebhookContent content, CancellationToken cancellationToken)
    {
        var rules = options.Value.StartRules;
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
            var instance = await runtime.StartAsync(request, cancellationToken);
            WebhookLog.Started(logger, deliveryId, source, instance.Id, rule.DefinitionId, i);
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
}
