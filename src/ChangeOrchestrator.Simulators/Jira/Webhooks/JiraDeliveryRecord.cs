namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary>One delivery attempt as the control API lists it.</summary>
internal sealed record JiraDeliveryRecord(
    string Identifier,
    long WebhookId,
    string Url,
    string Event,
    string? IssueKey,
    int Attempt,
    string Outcome,
    int? StatusCode,
    string? Error,
    string? Signature,
    DateTimeOffset At,
    string Body)
{
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Dropped = "dropped";
}
