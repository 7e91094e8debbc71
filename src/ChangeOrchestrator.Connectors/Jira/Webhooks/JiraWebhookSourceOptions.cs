namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// Section <c>Webhooks:Jira</c>: the admin webhook's secret (deliveries carry <c>X-Hub-Signature</c>) and the
/// change workflow's status names that report a decision, each a comma-separated list because templates differ.
/// </summary>
public sealed class JiraWebhookSourceOptions : WebhookSourceOptions
{
    /// <summary>Entering one of these statuses means the change was approved.</summary>
    public string ApprovedStatuses { get; set; } = "Awaiting implementation, Scheduled";

    /// <summary>Entering one of these statuses means the change was declined.</summary>
    public string DeclinedStatuses { get; set; } = "Declined";

    /// <summary>Entering one of these statuses means the change was cancelled.</summary>
    public string CancelledStatuses { get; set; } = "Canceled, Cancelled";

    public static IReadOnlyList<string> Split(string names) =>
        names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
