namespace ChangeOrchestrator.Connectors.Jira.Webhooks;

/// <summary>The admin-webhook events the server subscribes to (<c>webhookEvent</c> in the payload).</summary>
public static class JiraWebhookEvents
{
    public const string IssueCreated = "jira:issue_created";

    public const string IssueUpdated = "jira:issue_updated";
}
