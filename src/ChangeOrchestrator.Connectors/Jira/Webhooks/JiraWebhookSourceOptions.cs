using ChangeOrchestrator.Patching.ChangeRequests.Events;

namespace ChangeOrchestrator.Connectors.Jira.Webhooks;

/// <summary>
/// Section <c>Webhooks:Jira</c>: the admin webhook's secret (deliveries carry <c>X-Hub-Signature</c>). The status
/// names that report a decision are the connector's, <c>ServiceDesk:Jira:Statuses</c>.
/// </summary>
public sealed class JiraWebhookSourceOptions : WebhookSourceOptions;
