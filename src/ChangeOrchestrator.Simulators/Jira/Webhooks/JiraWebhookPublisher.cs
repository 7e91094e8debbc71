using System.Text;
using ChangeOrchestrator.Simulators.Jira.Search;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;

namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary>
/// Matches an event against the registered webhooks and queues one delivery per match. Runs under the store's lock,
/// so payloads show the issue exactly as the change left it and deliveries queue in the order changes happened.
/// </summary>
internal sealed class JiraWebhookPublisher(JiraSite site, JiraWebhookPayload payloads, JiraWebhookQueue queue)
{
    public void Publish(JiraState state, JiraIssueEvent evt)
    {
        var evaluator = new JqlEvaluator(site, evt.Context.Now);
        foreach (var webhook in state.Webhooks)
        {
            if (!Matches(webhook, evt, evaluator))
            {
                continue;
            }

            var body = Encoding.UTF8.GetBytes(payloads.Build(evt, webhook).ToJsonString());
            var url = webhook.Url
                .Replace("${issue.key}", evt.Issue.Key, StringComparison.Ordinal)
                .Replace("${issue.id}", evt.Issue.Id, StringComparison.Ordinal)
                .Replace("${project.key}", site.Project.Key, StringComparison.Ordinal)
                .Replace("${project.id}", site.Project.Id, StringComparison.Ordinal);
            queue.Enqueue(new JiraWebhookDelivery(
                Guid.NewGuid().ToString(),
                webhook.Id,
                url,
                evt.WebhookEvent,
                evt.Issue.Key,
                webhook.Kind == JiraWebhookKind.Dynamic ? null : webhook.Secret,
                body,
                webhook.ExcludeBody,
                Attempt: 1,
                queue.Generation));
        }
    }

    private static bool Matches(JiraWebhook webhook, JiraIssueEvent evt, JqlEvaluator evaluator)
    {
        if (!webhook.Enabled || !webhook.Events.Contains(evt.WebhookEvent) || (webhook.Expires is { } expires && expires <= evt.Context.Now))
        {
            return false;
        }

        if (webhook.FieldIdsFilter.Count > 0 && evt.WebhookEvent == JiraIssueEvent.IssueUpdated
            && evt.Changelog?.Items.Any(i => webhook.FieldIdsFilter.Contains(i.FieldId)) != true)
        {
            return false;
        }

        return evaluator.Matches(webhook.Filter?.Where, evt.Issue);
    }
}
