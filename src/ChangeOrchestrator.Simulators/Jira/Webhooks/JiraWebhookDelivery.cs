namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary>
/// One payload for one webhook. <see cref="Identifier"/> is the X-Atlassian-Webhook-Identifier: the same on every
/// retry and duplicate, so receivers can dedupe on it.
/// </summary>
internal sealed record JiraWebhookDelivery(
    string Identifier,
    long WebhookId,
    string Url,
    string Event,
    string? IssueKey,
    string? Secret,
    byte[] Body,
    bool ExcludeBody,
    int Attempt,
    long Generation)
{
    public const string PrimaryFlow = "Primary";
}
